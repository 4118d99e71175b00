package org.besteffort.console.timeline;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Against a small HTTP server that plays a service's journal: a ring of entries, an instance id, a restart.
 */
class JournalFollowerTests {

    private static final Pattern AFTER = Pattern.compile("after=(\\d+)");

    private HttpServer server;
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private volatile String instance = "first";
    private volatile long oldest = 1;
    private volatile long last = 0;
    private JournalFollower follower;

    @BeforeEach
    void startTheJournal() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ops/journal", exchange -> {
            String query = exchange.getRequestURI().getQuery();
            asked.add(query);
            Matcher after = AFTER.matcher(query);
            long from = after.find() ? Long.parseLong(after.group(1)) : 0;
            byte[] body = page(from).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        follower = new JournalFollower("pay-service", "pay-service",
                RestClient.create("http://127.0.0.1:" + server.getAddress().getPort()));
    }

    @AfterEach
    void stopTheJournal() {
        server.stop(0);
    }

    @Test
    void readsEachEntryOnceAndThenOnlyWhatIsNew() {
        last = 3;
        assertThat(follower.readNew()).extracting(JournalEntryView::seq).containsExactly(1L, 2L, 3L);
        assertThat(follower.readNew()).isEmpty();

        last = 5;
        assertThat(follower.readNew()).extracting(JournalEntryView::seq).containsExactly(4L, 5L);
        assertThat(follower.reachable()).isTrue();
        assertThat(follower.readNew()).isEmpty();
        assertThat(asked).last().asString().startsWith("after=5&");
    }

    @Test
    void readsARestartedServiceFromItsFirstEntry() {
        last = 3;
        follower.readNew();

        instance = "second";
        last = 2;

        assertThat(follower.readNew()).extracting(JournalEntryView::seq).containsExactly(1L, 2L);
    }

    @Test
    void countsTheEntriesTheRingDroppedBeforeItCouldReadThem() {
        last = 2;
        follower.readNew();

        oldest = 10;
        last = 11;

        assertThat(follower.readNew()).extracting(JournalEntryView::seq).containsExactly(10L, 11L);
        assertThat(follower.missed()).isEqualTo(7);
    }

    @Test
    void readsNothingAndSaysSoWhenTheServiceStopsAnswering() {
        last = 1;
        follower.readNew();
        assertThat(follower.reachable()).isTrue();

        server.stop(0);

        assertThat(follower.readNew()).isEmpty();
        assertThat(follower.reachable()).isFalse();
    }

    @Test
    void doesNotCountWhatTheRingDroppedBeforeTheConsoleCameAsMissed() {
        oldest = 50;
        last = 52;

        assertThat(follower.readNew()).extracting(JournalEntryView::seq).containsExactly(50L, 51L, 52L);
        assertThat(follower.missed()).isZero();
    }

    private String page(long after) {
        List<String> entries = new ArrayList<>();
        for (long seq = Math.max(after + 1, oldest); seq <= last; seq++) {
            entries.add("{\"seq\":" + seq + ",\"at\":\"2026-12-01T01:00:00Z\",\"txNo\":\"tx-" + seq
                    + "\",\"step\":\"RECORDED\",\"attempt\":null,\"outcome\":\"SUCCESS\",\"accountNo\":\"1\","
                    + "\"amount\":100.00,\"detail\":null}");
        }
        return "{\"service\":\"pay-service\",\"instance\":\"" + instance + "\",\"capacity\":10,\"oldestSeq\":"
                + oldest + ",\"lastSeq\":" + last + ",\"entries\":[" + String.join(",", entries) + "]}";
    }
}

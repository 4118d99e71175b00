package org.besteffort.notify;

import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.Message;
import org.besteffort.common.NotifyChannel;
import org.besteffort.common.PayResult;
import org.besteffort.common.PayResultMessage;
import org.besteffort.common.PayResultSignature;
import org.besteffort.common.journal.JournalEntry;
import org.besteffort.local.infra.TestHttp;
import org.besteffort.local.infra.Database;
import org.besteffort.local.infra.TestInfrastructure;
import org.besteffort.local.infra.TestJournal;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * The notify gateway in this JVM over the real broker and database, delivering over real HTTP to
 * {@link TestMerchant}. One application context for all subclasses, so that one consumer owns the gateway's group.
 *
 * <p>Receiver {@code m1} wants {@code success} and retries after 1 s, 2 s and 3 s (four attempts); {@code m2} takes
 * any 2xx; {@code m3} retries every second, nine times, but an endpoint of its failing for 2 s is disabled. Each test
 * that changes an endpoint's state (disables it, makes it wait) has an endpoint of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gateway.allow-private-addresses=true",
        "gateway.dispatch.interval=200ms",
        "gateway.dispatch.lease=5s",
        "gateway.dispatch.jitter=0.1",
        "gateway.dispatch.max-in-flight-per-endpoint=4",
        "gateway.delivery.connect-timeout=1s",
        "gateway.delivery.read-timeout=1s",
        "edge.access.operators.alice=" + NotifyGatewayITSupport.OPERATOR_TOKEN,
        // Receivers' keys, which the gateway knows only to refuse them (NotifyGatewayAccessIT).
        "edge.access.receivers.bank1=" + NotifyGatewayITSupport.BANK1_KEY,
        "edge.access.receivers.shop2=" + NotifyGatewayITSupport.SHOP2_KEY,
        "gateway.receivers.m1.secrets[0]=" + NotifyGatewayITSupport.M1_SECRET,
        "gateway.receivers.m1.schedule=1s,2s,3s",
        "gateway.receivers.m2.secrets[0]=" + NotifyGatewayITSupport.M2_SECRET,
        "gateway.receivers.m2.ack=ANY_2XX",
        "gateway.receivers.m2.schedule=1s",
        "gateway.receivers.m3.secrets[0]=" + NotifyGatewayITSupport.M2_SECRET,
        "gateway.receivers.m3.schedule=1s,1s,1s,1s,1s,1s,1s,1s",
        "gateway.receivers.m3.disable-after=2s"})
public abstract class NotifyGatewayITSupport {

    protected static final String OPERATOR_TOKEN = "alice-token";
    protected static final String BANK1_KEY = "it-bank1-key";
    protected static final String SHOP2_KEY = "it-shop2-key";
    /** pay-service's signing secret as these tests configure it (test application.properties): not the laptop one. */
    protected static final String PAY_SIGNING_SECRET = "it-pay-signing-secret";
    protected static final String M1_SECRET = "whsec_bTEtdGVzdC1zZWNyZXQtZm9yLXRoZS1nYXRld2F5";
    protected static final String M2_SECRET = "whsec_bTItdGVzdC1zZWNyZXQtZm9yLXRoZS1nYXRld2F5";

    /** m1's endpoints, each named after the test that needs one of its own. */
    protected static final List<String> M1_PATHS = List.of("/m1/main", "/m1/gone", "/m1/exhaust", "/m1/recover",
            "/m1/throttle", "/m1/healthy", "/m1/twice", "/m1/first-use");

    protected static final TestMerchant merchant = new TestMerchant(Map.of("/m1/", M1_SECRET, "/m2/", M2_SECRET,
            "/m3/", M2_SECRET));

    private static DefaultMQProducer producer;

    @LocalServerPort
    protected int port;

    /**
     * The test's own view of the service's schema, outside the service's pool and in autocommit: a row it writes is
     * there for the service at once (the service's connections are not in autocommit; see application.yml).
     */
    protected final JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(
            TestInfrastructure.shared().database().jdbcUrl("bank1_notify"), Database.USER, Database.PASSWORD));

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        var infra = TestInfrastructure.shared();
        registry.add("spring.datasource.url", () -> infra.database().jdbcUrl("bank1_notify"));
        registry.add("rocketmq.name-server", () -> infra.broker().nameServerAddress());
        for (int i = 0; i < M1_PATHS.size(); i++) {
            String path = M1_PATHS.get(i);
            registry.add("gateway.receivers.m1.notify-urls[" + i + "]", () -> merchant.url(path));
        }
        registry.add("gateway.receivers.m1.notify-urls[" + M1_PATHS.size() + "]", () -> merchant.deadUrl("/m1/dead"));
        registry.add("gateway.receivers.m2.notify-urls[0]", () -> merchant.url("/m2/main"));
        registry.add("gateway.receivers.m3.notify-urls[0]", () -> merchant.url("/m3/failing"));
    }

    /** Publishes a pay result on the topic exactly as pay-service does: JSON body, key = txNo, signed. */
    protected static void announce(PayResultMessage message) {
        byte[] body = message.toJson();
        announceRaw(message.txNo(), body, "k1", PayResultSignature.sign(body, PAY_SIGNING_SECRET));
    }

    protected static void announceRaw(String txNo, byte[] body, String keyId, String signature) {
        try {
            Message message = new Message(NotifyChannel.TOPIC, "", txNo, body);
            if (keyId != null) {
                message.putUserProperty(PayResultSignature.KEY_ID_PROPERTY, keyId);
                message.putUserProperty(PayResultSignature.SIGNATURE_PROPERTY, signature);
            }
            producer().send(message);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish " + txNo, e);
        }
    }

    private static synchronized DefaultMQProducer producer() throws MQClientException {
        if (producer == null) {
            producer = new DefaultMQProducer("it_producer_notify_gateway");
            producer.setNamesrvAddr(TestInfrastructure.shared().broker().nameServerAddress());
            producer.start();
        }
        return producer;
    }

    /** A successful pay of 10.00 for account 1 that wants receiver {@code receiverId} notified at {@code path}. */
    protected static PayResultMessage pay(String receiverId, String notifyUrl) {
        return PayResultMessage.of("tx-" + UUID.randomUUID(), "1", new BigDecimal("10.00"), PayResult.SUCCESS,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), receiverId, notifyUrl);
    }

    protected Map<String, Object> task(String txNo) {
        return jdbc.queryForMap("SELECT * FROM notify_task WHERE tx_no = ?", txNo);
    }

    protected int tasks(String txNo) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM notify_task WHERE tx_no = ?", Integer.class, txNo);
    }

    protected List<Map<String, Object>> attempts(String txNo) {
        return jdbc.queryForList("""
                SELECT a.* FROM notify_attempt a JOIN notify_task t ON t.id = a.task_id
                WHERE t.tx_no = ? ORDER BY a.id""", txNo);
    }

    /** Waits until the task of this pay has this status. */
    protected Map<String, Object> awaitTask(String txNo, String status, Duration atMost) {
        await().atMost(atMost).until(() -> tasks(txNo) == 1 && status.equals(task(txNo).get("status")));
        return task(txNo);
    }

    /** The gateway's journal, as the console reads it. */
    protected TestJournal journal() {
        return new TestJournal(new TestHttp("http://127.0.0.1:" + port).withBearer(OPERATOR_TOKEN));
    }

    /** Waits until the journal holds at least {@code count} entries about the pay, and returns them, oldest first. */
    protected List<JournalEntry> awaitJournal(String txNo, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> journal().of(txNo).size() >= count);
        return journal().of(txNo);
    }

    protected long endpointId(String notifyUrl) {
        return jdbc.queryForObject("SELECT id FROM notify_endpoint WHERE notify_url = ?", Long.class, notifyUrl);
    }

    /** Calls the operator API; {@code token} null sends no Authorization header. */
    protected HttpResponse<String> operator(String method, String path, String json, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected HttpResponse<String> operator(String method, String path, String json) {
        return operator(method, path, json, OPERATOR_TOKEN);
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();
}

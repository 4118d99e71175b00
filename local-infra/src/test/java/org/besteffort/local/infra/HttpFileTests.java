package org.besteffort.local.infra;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

class HttpFileTests {

    private static final String FILE = """
            # a comment before everything
            @host = http://127.0.0.1:1

            ### 1. make one
            # expect: 201
            POST {{host}}/things
            Content-Type: application/json

            {"name":"a"}

            ### 2. read it
            // another kind of comment
            # expect: 200
            GET {{host}}/things/a
            """;

    @Test
    void readsVariablesRequestsHeadersBodiesAndExpectedStatuses(@TempDir Path dir) throws IOException {
        HttpFile file = HttpFile.read(Files.writeString(dir.resolve("x.http"), FILE));

        assertThat(file.variables()).containsExactly(Map.entry("host", "http://127.0.0.1:1"));
        assertThat(file.requests()).extracting(HttpFile.Request::name, HttpFile.Request::method,
                        HttpFile.Request::url, HttpFile.Request::expected)
                .containsExactly(
                        tuple("1. make one", "POST", "{{host}}/things", 201),
                        tuple("2. read it", "GET", "{{host}}/things/a", 200));
        assertThat(file.requests().get(0).headers()).containsEntry("Content-Type", "application/json");
        assertThat(file.requests().get(0).body()).isEqualTo("{\"name\":\"a\"}");
        assertThat(file.requests().get(1).body()).isEmpty();
    }

    @Test
    void refusesARequestThatExpectsNothing(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("y.http"), "### no expectation\nGET http://127.0.0.1:1/\n");

        assertThatThrownBy(() -> HttpFile.read(file)).hasMessageContaining("no expectation")
                .hasMessageContaining("# expect:");
    }

    @Test
    void reportsEveryRequestAnsweredWithAnotherStatusThanItExpects(@TempDir Path dir) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            int status = exchange.getRequestMethod().equals("POST") ? 201 : 404;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        try {
            HttpFile file = HttpFile.read(Files.writeString(dir.resolve("z.http"), FILE))
                    .with(Map.of("host", "http://127.0.0.1:" + server.getAddress().getPort()));

            HttpFile.Outcome outcome = file.run();

            assertThat(outcome.requests()).isEqualTo(2);
            assertThat(outcome.unexpected()).singleElement().asString()
                    .contains("2. read it", "expected 200, got 404");
        } finally {
            server.stop(0);
        }
    }
}

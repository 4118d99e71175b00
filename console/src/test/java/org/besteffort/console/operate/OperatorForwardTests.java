package org.besteffort.console.operate;

import com.sun.net.httpserver.HttpServer;
import org.besteffort.console.ConsoleApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console forwards an operator's action to the gateway with the operator's own credential, and the gateway's
 * answer back unchanged: the page is exactly as protected as the gateway's API. A small HTTP server plays the gateway.
 */
class OperatorForwardTests {

    private static HttpServer gateway;
    private static final List<String> received = new CopyOnWriteArrayList<>();
    private static ConfigurableApplicationContext console;
    private static String consoleUrl;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startTheGatewayAndTheConsole() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/operator/", exchange -> {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + authorization + " "
                    + body);
            boolean allowed = "Bearer right-token".equals(authorization);
            byte[] answer = (allowed ? "{\"id\":7,\"status\":\"PENDING\"}"
                    : "{\"title\":\"Operator not recognised\",\"status\":401}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type",
                    allowed ? "application/json" : "application/problem+json");
            exchange.sendResponseHeaders(allowed ? 200 : 401, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        gateway.start();
        String gatewayUrl = "http://127.0.0.1:" + gateway.getAddress().getPort();
        console = new SpringApplicationBuilder(ConsoleApplication.class).run("--server.port=0",
                "--console.notify-gateway=" + gatewayUrl, "--console.pay-service=http://127.0.0.1:9",
                "--console.account-service=http://127.0.0.1:9", "--console.notify-url=http://127.0.0.1:9/n");
        consoleUrl = "http://127.0.0.1:" + console.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    static void stopThem() {
        console.close();
        gateway.stop(0);
    }

    @BeforeEach
    @AfterEach
    void forget() {
        received.clear();
    }

    @Test
    void forwardsAReNotifyWithTheOperatorsOwnTokenAndReturnsTheGatewaysAnswer() throws Exception {
        HttpResponse<String> answer = post("/operator/tasks/7/renotify", "Bearer right-token", "");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"id\":7,\"status\":\"PENDING\"}");
        assertThat(received).containsExactly("POST /operator/tasks/7/renotify Bearer right-token ");
    }

    @Test
    void passesTheGatewaysRefusalThroughAndAddsNoCredentialOfItsOwn() throws Exception {
        HttpResponse<String> answer = post("/operator/receivers/bank1/recover", null,
                "{\"since\":\"2026-12-01T00:00:00Z\"}");

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(received).containsExactly(
                "POST /operator/receivers/bank1/recover null {\"since\":\"2026-12-01T00:00:00Z\"}");
    }

    @Test
    void refusesAnythingButJsonSoThatAPageOnAnotherSiteCannotPostAForm() throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(consoleUrl
                        + "/operator/tasks/7/renotify")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(415);
        assertThat(received).isEmpty();
    }

    @Test
    void answers502WhenTheServiceDoesNotAnswer() throws Exception {
        HttpResponse<String> answer = post("/ops/faults/pay-service", null, "{\"dropNextNotifications\":1}");

        assertThat(answer.statusCode()).isEqualTo(502);
        assertThat(answer.body()).contains("pay-service did not answer");
    }

    @Test
    void answers404ForAServiceWithoutFaultSwitches() throws Exception {
        HttpResponse<String> answer = post("/ops/faults/notify-gateway", null, "{}");

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.body()).contains("no service named notify-gateway has fault switches");
        assertThat(received).isEmpty();
    }

    private HttpResponse<String> post(String path, String authorization, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(consoleUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

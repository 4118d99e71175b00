package org.besteffort.local.infra;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A plain JDK HTTP client for tests that talk to a running service the way a tester's curl does.
 *
 * @param bearer the key sent as {@code Authorization: Bearer <key>} with every request; null sends none
 */
public record TestHttp(String baseUrl, String bearer) {

    public TestHttp(String baseUrl) {
        this(baseUrl, null);
    }

    /** The same service, called with this key. */
    public TestHttp withBearer(String key) {
        return new TestHttp(baseUrl, key);
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    public Response postJson(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Posts the JSON without a Content-Length, chunked, as a client streaming a body of unknown length does. */
    public Response postJsonChunked(String path, String json) {
        byte[] body = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))));
    }

    private Response send(HttpRequest.Builder request) {
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            var response = CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Status, content type, body and headers of one answer. */
    public record Response(int status, String contentType, String body, java.net.http.HttpHeaders headers) {

        /** The first value of this header, null when the answer has none. */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public JSONObject json() {
            return JSON.parseObject(body);
        }

        /** Whether the body is an RFC 9457 problem detail. */
        public boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }
    }
}

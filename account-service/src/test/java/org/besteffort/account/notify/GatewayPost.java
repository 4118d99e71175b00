package org.besteffort.account.notify;

import com.standardwebhooks.Webhook;
import org.besteffort.local.infra.TestHttp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One POST of the notify gateway to a notify_url: the JSON body as is, the Standard Webhooks headers, the attempt.
 * Sent with the JDK client because {@link TestHttp} sends no custom headers; a null header is left out.
 */
record GatewayPost(String webhookId, String timestamp, String signature, String attempt, String body) {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The body signed now with this secret by the published library, as the gateway signs it, attempt 1. */
    static GatewayPost signed(String secret, String body) {
        String webhookId = "msg_" + UUID.randomUUID();
        long now = Instant.now().getEpochSecond();
        return new GatewayPost(webhookId, Long.toString(now), sign(secret, webhookId, now, body), "1", body);
    }

    /** {@code v1,<base64 HMAC-SHA256 of id.timestamp.body>}, computed by the library. */
    static String sign(String secret, String webhookId, long timestamp, String body) {
        try {
            return new Webhook(secret).sign(webhookId, timestamp, body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    GatewayPost attempt(String attempt) {
        return new GatewayPost(webhookId, timestamp, signature, attempt, body);
    }

    GatewayPost signature(String signature) {
        return new GatewayPost(webhookId, timestamp, signature, attempt, body);
    }

    GatewayPost body(String body) {
        return new GatewayPost(webhookId, timestamp, signature, attempt, body);
    }

    /** The same post without any {@code webhook-*} header. */
    GatewayPost unsigned() {
        return new GatewayPost(null, null, null, attempt, body);
    }

    TestHttp.Response sendTo(String notifyUrl) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(notifyUrl))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        header(request, "webhook-id", webhookId);
        header(request, "webhook-timestamp", timestamp);
        header(request, "webhook-signature", signature);
        header(request, "notify-attempt", attempt);
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new TestHttp.Response(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void header(HttpRequest.Builder request, String name, String value) {
        if (value != null) {
            request.header(name, value);
        }
    }
}

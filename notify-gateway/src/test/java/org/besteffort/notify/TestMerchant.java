package org.besteffort.notify;

import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.besteffort.common.PayResultNotification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server standing in for merchants' notify URLs: it verifies each notification with the Standard
 * Webhooks reference library, records it, and answers what the test told it to for that txNo ({@code success} by
 * default). It also owns a port that accepts connections and never answers: a dead endpoint.
 */
public final class TestMerchant implements AutoCloseable {

    private final HttpServer server;
    private final ServerSocket deadEndpoint;
    private final Map<String, Webhook> verifiers;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Reply>> replies = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final AtomicInteger mostAtOnceForOneTask = new AtomicInteger();

    /**
     * @param secrets the receivers' secrets by path prefix ({@code /m1/} → its whsec_ secret)
     */
    public TestMerchant(Map<String, String> secrets) {
        try {
            this.verifiers = new ConcurrentHashMap<>();
            for (var secret : secrets.entrySet()) {
                verifiers.put(secret.getKey(), new Webhook(secret.getValue()));
            }
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/", this::handle);
            server.start();
            // Connections complete in the kernel's backlog; nobody ever reads or answers them.
            deadEndpoint = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
        } catch (Exception e) {
            throw new IllegalStateException("could not start the test merchant", e);
        }
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** A URL that accepts connections and never answers. */
    public String deadUrl(String path) {
        return "http://127.0.0.1:" + deadEndpoint.getLocalPort() + path;
    }

    /** The next answers for this txNo, in order; after them, {@code success}. */
    public void replyTo(String txNo, Reply... answers) {
        replies.put(txNo, new ArrayDeque<>(List.of(answers)));
    }

    public List<Received> received(String txNo) {
        return received.stream().filter(r -> txNo.equals(r.txNo())).toList();
    }

    public List<Received> receivedAt(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** The most requests for one task that were ever in progress at the same moment. */
    public int mostAtOnceForOneTask() {
        return mostAtOnceForOneTask.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        Instant at = Instant.now();
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        var headers = exchange.getRequestHeaders();
        String webhookId = headers.getFirst("webhook-id");
        AtomicInteger sameTask = inFlight.computeIfAbsent(String.valueOf(webhookId), id -> new AtomicInteger());
        mostAtOnceForOneTask.accumulateAndGet(sameTask.incrementAndGet(), Math::max);
        try {
            String txNo = null;
            try {
                txNo = PayResultNotification.fromJson(body).txNo();
            } catch (IllegalArgumentException unreadable) {
                // recorded with txNo null
            }
            received.add(new Received(path, txNo, webhookId, headers.getFirst("webhook-timestamp"),
                    headers.getFirst("notify-attempt"), verified(path, body, headers), body, at));
            Deque<Reply> queue = txNo == null ? null : replies.get(txNo);
            Reply reply = queue == null ? null : queue.poll();
            answer(exchange, reply == null ? Reply.success() : reply);
        } finally {
            sameTask.decrementAndGet();
        }
    }

    private boolean verified(String path, String body, Map<String, List<String>> headers) {
        return verifiers.entrySet().stream().filter(v -> path.startsWith(v.getKey())).anyMatch(v -> {
            try {
                v.getValue().verify(body, headers);
                return true;
            } catch (Exception e) {
                return false;
            }
        });
    }

    private static void answer(HttpExchange exchange, Reply reply) throws IOException {
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        try {
            deadEndpoint.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One notification as the merchant got it. */
    public record Received(String path, String txNo, String webhookId, String timestamp, String attempt,
                           boolean verified, String body, Instant at) {
    }

    /** What the merchant answers. */
    public record Reply(int status, String body, Map<String, String> headers) {

        public static Reply success() {
            return new Reply(200, "success", Map.of());
        }

        public static Reply of(int status, String body) {
            return new Reply(status, body, Map.of());
        }

        public static Reply retryAfter(int status, int seconds) {
            return new Reply(status, "busy", Map.of("Retry-After", Integer.toString(seconds)));
        }
    }
}

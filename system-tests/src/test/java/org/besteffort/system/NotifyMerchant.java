package org.besteffort.system;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server standing in for a merchant's notify URL under load: it takes a few milliseconds over each
 * notification, answers {@code success}, and counts deliveries per {@code webhook-id} and how many of one id were
 * ever in progress at the same moment.
 */
final class NotifyMerchant implements AutoCloseable {

    private final HttpServer server;

    private final ExecutorService threads = Executors.newFixedThreadPool(16);

    private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();

    private final Map<String, AtomicInteger> inProgress = new ConcurrentHashMap<>();

    private final AtomicInteger mostAtOnceForOneId = new AtomicInteger();

    private final long workMillis;

    NotifyMerchant(long workMillis) throws IOException {
        this.workMillis = workMillis;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        server.setExecutor(threads);
        server.createContext("/notify", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/notify";
    }

    /** Distinct webhook ids acknowledged at least once. */
    Set<String> acknowledged() {
        return Set.copyOf(deliveries.keySet());
    }

    /** Deliveries beyond the first, over all ids: what at-least-once cost. */
    int repeats() {
        return deliveries.values().stream().mapToInt(count -> count.get() - 1).sum();
    }

    int mostAtOnceForOneId() {
        return mostAtOnceForOneId.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        String id = String.valueOf(exchange.getRequestHeaders().getFirst("webhook-id"));
        AtomicInteger sameId = inProgress.computeIfAbsent(id, key -> new AtomicInteger());
        mostAtOnceForOneId.accumulateAndGet(sameId.incrementAndGet(), Math::max);
        try {
            // The merchant's own work on a notification (its database, its checks): the behaviour stood in for.
            TimeUnit.MILLISECONDS.sleep(workMillis);
            deliveries.computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet();
            byte[] body = "success".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            sameId.decrementAndGet();
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}

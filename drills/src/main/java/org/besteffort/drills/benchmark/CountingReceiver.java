package org.besteffort.drills.benchmark;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

/**
 * The notify benchmark's receiver, in the benchmark's own JVM: answers every POST with {@code success} at once,
 * verifies nothing, and counts requests and distinct {@code webhook-id}s, so that what the figures show is the
 * gateway's cost, not a receiver's.
 */
final class CountingReceiver implements AutoCloseable {

    private static final byte[] ACK = "success".getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final ExecutorService threads;
    private final LongAdder requests = new LongAdder();
    private final Set<String> webhookIds = ConcurrentHashMap.newKeySet();

    private CountingReceiver(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    /** Listens on a free port of 127.0.0.1. */
    static CountingReceiver start() throws IOException {
        // Without TCP_NODELAY the JDK server's answer waits for the client's delayed ACK: 44 ms per request here.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        // More threads than the gateway's requests in flight (64 at most), so that none waits for a thread here.
        ExecutorService threads = Executors.newFixedThreadPool(80);
        CountingReceiver receiver = new CountingReceiver(server, threads);
        server.createContext("/notify", receiver::answer);
        server.setExecutor(threads);
        server.start();
        return receiver;
    }

    /** The notify URL to register: {@code http://127.0.0.1:<port>/notify}. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/notify";
    }

    /** Requests and distinct webhook ids so far. */
    Counts counts() {
        return new Counts(requests.sum(), webhookIds.size());
    }

    private void answer(HttpExchange exchange) throws IOException {
        try {
            exchange.getRequestBody().readAllBytes();
            String webhookId = exchange.getRequestHeaders().getFirst("webhook-id");
            if (webhookId != null) {
                webhookIds.add(webhookId);
            }
            requests.increment();
            exchange.sendResponseHeaders(200, ACK.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(ACK);
            }
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    /** What the receiver has seen: every request, and how many distinct notifications they carried. */
    record Counts(long requests, long distinctIds) {

        /** What arrived between {@code earlier} and this. */
        Counts since(Counts earlier) {
            return new Counts(requests - earlier.requests, distinctIds - earlier.distinctIds);
        }

        /** Requests beyond the first of each notification. */
        long repeats() {
            return requests - distinctIds;
        }
    }
}

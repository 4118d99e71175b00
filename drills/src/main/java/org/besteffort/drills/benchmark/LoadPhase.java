package org.besteffort.drills.benchmark;

import org.besteffort.local.infra.Database;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One phase of load on {@code /paydo}, fixed-rate or as fast as the clients go, measured where the pattern ends:
 * rows in {@code de_duplication}, i.e. balances applied.
 */
public final class LoadPhase {

    private final String payUrl;
    private final Database database;
    private final String runId;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger sequence = new AtomicInteger();

    /**
     * @param runId starts every txNo of the run, so that a run on a stack that has seen others counts only its own
     */
    public LoadPhase(String payUrl, Database database, String runId) {
        this.payUrl = payUrl;
        this.database = database;
        this.runId = runId;
    }

    /** Open loop: one pay every 1/rate s, whatever the answers take. */
    public Result fixedRate(String name, int rate, Duration warmup, Duration duration) throws Exception {
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        List<CompletableFuture<?>> inFlight = java.util.Collections.synchronizedList(new ArrayList<>());
        long warmupEnds = System.nanoTime() + warmup.toNanos();
        ticker.scheduleAtFixedRate(() -> inFlight.add(http.sendAsync(request(txNo(name, warmupEnds)),
                        HttpResponse.BodyHandlers.discarding()).thenAccept(this::count)),
                0, 1_000_000_000L / rate, TimeUnit.NANOSECONDS);
        List<Sample> samples = sample(name, warmup.plus(duration));
        ticker.shutdownNow();
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        return finish(name, warmup, duration, samples);
    }

    /** Closed loop: {@code clients} clients, each sending its next pay as soon as the last is answered. */
    public Result maximum(String name, int clients, Duration warmup, Duration duration) throws Exception {
        long warmupEnds = System.nanoTime() + warmup.toNanos();
        ExecutorService pool = closedLoop(name, clients, warmupEnds, warmupEnds + duration.toNanos());
        List<Sample> samples = sample(name, warmup.plus(duration));
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        return finish(name, warmup, duration, samples);
    }

    /**
     * Load at full speed, measured by nothing, until every pay is credited: the JIT compiles the hot path here, not
     * in the first measured phase.
     */
    public void warmUp(int clients, Duration duration) throws Exception {
        long ends = System.nanoTime() + duration.toNanos();
        ExecutorService pool = closedLoop("warm-up", clients, ends, ends);
        pool.shutdown();
        pool.awaitTermination(duration.toSeconds() + 60, TimeUnit.SECONDS);
        awaitDrained("warm-up");
    }

    private ExecutorService closedLoop(String name, int clients, long warmupEnds, long ends) {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                while (System.nanoTime() < ends) {
                    count(http.send(request(txNo(name, warmupEnds)), HttpResponse.BodyHandlers.discarding()));
                }
                return null;
            });
        }
        return pool;
    }

    private Result finish(String name, Duration warmup, Duration duration, List<Sample> samples) throws Exception {
        Sample start = samples.get((int) warmup.toSeconds());
        Sample end = samples.get(samples.size() - 1);
        double seconds = (end.elapsedMillis() - start.elapsedMillis()) / 1000.0;
        Duration drained = awaitDrained(name);
        return new Result(name, (end.accepted() - start.accepted()) / seconds,
                (end.credited() - start.credited()) / seconds, latencies(prefix(name) + "m-"), samples, drained,
                credited(name));
    }

    /** The rest of the queue: waits (up to 2 minutes) until every accepted pay of the phase is applied. */
    private Duration awaitDrained(String name) throws Exception {
        long started = System.nanoTime();
        while (credited(name) < accepted.get() && System.nanoTime() - started < 120_000_000_000L) {
            Thread.sleep(200);
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Once a second: accepted and credited so far. */
    private List<Sample> sample(String name, Duration length) throws Exception {
        List<Sample> samples = new ArrayList<>();
        long started = System.nanoTime();
        for (int second = 0; second <= length.toSeconds(); second++) {
            long due = started + second * 1_000_000_000L;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                // A sampler: the clock is what it waits for.
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            samples.add(new Sample((System.nanoTime() - started) / 1_000_000, accepted.get(), credited(name)));
        }
        return samples;
    }

    private String txNo(String name, long warmupEnds) {
        return prefix(name) + (System.nanoTime() < warmupEnds ? "w-" : "m-") + sequence.getAndIncrement();
    }

    private String prefix(String phase) {
        return runId + "-" + phase + "-";
    }

    private HttpRequest request(String txNo) {
        int i = sequence.get();
        return HttpRequest.newBuilder(URI.create(payUrl + "/paydo")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"accountNo\":\"%d\",\"payAmount\":1.00,\"txNo\":\"%s\"}".formatted(i % 5 + 1, txNo)))
                .build();
    }

    private void count(HttpResponse<?> response) {
        if (response.statusCode() == 200) {
            accepted.incrementAndGet();
        }
    }

    private int credited(String name) throws SQLException {
        try (Connection db = database.connect("bank1");
             ResultSet rows = db.createStatement().executeQuery(
                     "SELECT COUNT(*) FROM de_duplication WHERE tx_no LIKE '" + prefix(name) + "%'")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /**
     * Pay commit to balance applied, in ms: {@code account_pay.created_at} (pay-service's clock, written in the pay's
     * transaction) to {@code de_duplication.created} (account-service's clock, written in the apply transaction).
     */
    private List<Double> latencies(String prefix) throws SQLException {
        List<Double> latencies = new ArrayList<>();
        try (Connection db = database.connect("bank1");
             ResultSet rows = db.createStatement().executeQuery("""
                     SELECT TIMESTAMPDIFF(MICROSECOND, p.created_at, d.created) / 1000.0
                     FROM bank1_pay.account_pay p JOIN bank1.de_duplication d ON d.tx_no = p.tx_no
                     WHERE p.tx_no LIKE '%s%%'""".formatted(prefix))) {
            while (rows.next()) {
                latencies.add(rows.getDouble(1));
            }
        }
        return latencies;
    }

    /** Counters at one second of the phase. */
    public record Sample(long elapsedMillis, int accepted, int credited) {

        int backlog() {
            return accepted - credited;
        }
    }

    /**
     * A phase's figures over its measured part.
     *
     * @param drained             how long the queue took to empty after the clients stopped
     * @param creditedDuringPhase pays credited from the phase's start, warm-up included, to the end of the drain
     */
    public record Result(String name, double acceptedPerSecond, double creditedPerSecond, List<Double> latenciesMillis,
                  List<Sample> samples, Duration drained, int creditedDuringPhase) {

        public Percentiles latency() {
            return Percentiles.of(latenciesMillis);
        }

    }
}

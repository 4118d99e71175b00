package org.besteffort.drills.benchmark;

import org.besteffort.local.infra.Database;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Phase 2: pays naming receiver {@value NotifyStack#RECEIVER_ID} at a fixed rate (open loop: one every 1/rate s,
 * whatever the answers take), then the latency from each pay's commit to its notification's acknowledgement:
 * {@code notify_task.paid_at} (pay-service's clock, in the pay's transaction) to {@code notify_task.succeeded_at}
 * (the gateway's clock, when it records the receiver's {@code success}).
 */
final class NotifyLatencyPhase {

    /** How long the tasks may take to be acknowledged after the last pay. */
    private static final Duration SETTLE = Duration.ofMinutes(2);

    private final String payUrl;
    private final String notifyUrl;
    private final Database database;
    private final CountingReceiver receiver;
    private final GatewayActuatorClient gateway;
    private final String txNoPrefix;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger sequence = new AtomicInteger();

    /** @param txNoPrefix starts the txNo of every pay of the phase */
    NotifyLatencyPhase(String payUrl, String notifyUrl, Database database, CountingReceiver receiver,
                       GatewayActuatorClient gateway, String txNoPrefix) {
        this.payUrl = payUrl;
        this.notifyUrl = notifyUrl;
        this.database = database;
        this.receiver = receiver;
        this.gateway = gateway;
        this.txNoPrefix = txNoPrefix;
    }

    Result run(int rate, Duration duration) throws Exception {
        CountingReceiver.Counts receivedBefore = receiver.counts();
        Map<String, Long> statusBefore = ServerStatus.read(database);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        List<CompletableFuture<?>> inFlight = Collections.synchronizedList(new ArrayList<>());
        long started = System.nanoTime();
        ticker.scheduleAtFixedRate(() -> inFlight.add(http.sendAsync(pay(), HttpResponse.BodyHandlers.discarding())
                        .handle((response, error) -> (error == null && response.statusCode() == 200 ? accepted
                                : refused).incrementAndGet())),
                0, 1_000_000_000L / rate, TimeUnit.NANOSECONDS);
        // The ticker sends; this thread looks at the gateway's connection pool once a second meanwhile.
        List<Integer> pending = new ArrayList<>();
        for (int second = 1; second <= duration.toSeconds(); second++) {
            long wait = started + second * 1_000_000_000L - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            pending.add((int) gateway.connectionsPending());
        }
        ticker.shutdownNow();
        double sentSeconds = (System.nanoTime() - started) / 1e9;
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
        double sentPerSecond = sequence.get() / sentSeconds;

        long settleStarted = System.nanoTime();
        long acknowledged = acknowledged();
        while (acknowledged < accepted.get() && System.nanoTime() - settleStarted < SETTLE.toNanos()) {
            // A poller: the clock is what it waits for.
            Thread.sleep(500);
            acknowledged = acknowledged();
        }
        Duration settled = Duration.ofNanos(System.nanoTime() - settleStarted);
        return new Result(sequence.get(), sentPerSecond, accepted.get(), refused.get(), acknowledged, settled,
                latencies(), stages(), receiver.counts().since(receivedBefore), pending,
                (int) gateway.connectionsMax(),
                ServerStatus.RowLockWaits.between(statusBefore, ServerStatus.read(database)));
    }

    private HttpRequest pay() {
        String txNo = txNoPrefix + sequence.getAndIncrement();
        return HttpRequest.newBuilder(URI.create(payUrl + "/paydo")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"accountNo":"1","payAmount":"1.00","txNo":"%s","receiverId":"%s","notifyUrl":"%s"}"""
                        .formatted(txNo, NotifyStack.RECEIVER_ID, notifyUrl)))
                .build();
    }

    private long acknowledged() throws SQLException {
        try (Connection db = database.connect("bank1_notify");
             PreparedStatement count = db.prepareStatement(
                     "SELECT COUNT(*) FROM notify_task WHERE tx_no LIKE ? AND status = 'SUCCEEDED'")) {
            count.setString(1, txNoPrefix + "%");
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** Pay commit → notification acknowledged, in ms, for every acknowledged pay of the phase, with when it paid. */
    private LatencySeries latencies() throws SQLException {
        List<LatencySeries.Point> latencies = new ArrayList<>();
        try (Connection db = database.connect("bank1_notify");
             PreparedStatement query = db.prepareStatement("""
                     SELECT TIMESTAMPDIFF(MICROSECOND, (SELECT MIN(paid_at) FROM notify_task WHERE tx_no LIKE ?),
                                          paid_at) / 1000.0,
                            TIMESTAMPDIFF(MICROSECOND, paid_at, succeeded_at) / 1000.0
                     FROM notify_task WHERE tx_no LIKE ? AND status = 'SUCCEEDED'""")) {
            query.setString(1, txNoPrefix + "%");
            query.setString(2, txNoPrefix + "%");
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    latencies.add(new LatencySeries.Point(rows.getDouble(1), rows.getDouble(2)));
                }
            }
        }
        return new LatencySeries(latencies);
    }

    /**
     * Where the latency goes, per acknowledged pay, in ms: the intake ({@code paid_at} → the task's
     * {@code created_at}: pay-service's send, the broker, the gateway's consumer), the wait for the dispatcher
     * ({@code created_at} → the first attempt's {@code started_at}), and the attempt ({@code started_at} →
     * {@code succeeded_at}: the HTTP round trip and recording it).
     */
    private Stages stages() throws SQLException {
        List<Double> intake = new ArrayList<>();
        List<Double> dispatchWait = new ArrayList<>();
        List<Double> attempt = new ArrayList<>();
        try (Connection db = database.connect("bank1_notify");
             PreparedStatement query = db.prepareStatement("""
                     SELECT TIMESTAMPDIFF(MICROSECOND, t.paid_at, t.created_at) / 1000.0,
                            TIMESTAMPDIFF(MICROSECOND, t.created_at, a.started_at) / 1000.0,
                            TIMESTAMPDIFF(MICROSECOND, a.started_at, t.succeeded_at) / 1000.0
                     FROM notify_task t JOIN notify_attempt a ON a.task_id = t.id AND a.attempt_no = 1
                     WHERE t.tx_no LIKE ? AND t.status = 'SUCCEEDED'""")) {
            query.setString(1, txNoPrefix + "%");
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    intake.add(rows.getDouble(1));
                    dispatchWait.add(rows.getDouble(2));
                    attempt.add(rows.getDouble(3));
                }
            }
        }
        return new Stages(Percentiles.of(intake), Percentiles.of(dispatchWait), Percentiles.of(attempt));
    }

    /** The latency's parts, see {@link #stages()}. */
    record Stages(Percentiles intake, Percentiles dispatchWait, Percentiles attempt) {
    }

    /**
     * The phase's figures.
     *
     * @param sent          pays sent
     * @param sentPerSecond the rate they were actually sent at
     * @param accepted      answered 200 by pay-service
     * @param refused       answered otherwise, or not at all
     * @param acknowledged  of the accepted, notified and acknowledged by the end
     * @param settled       last pay sent → every accepted pay acknowledged (or given up)
     * @param received      what the receiver saw during the phase
     * @param poolPending   the gateway's threads waiting for a database connection, once a second while sending
     * @param poolSize      the gateway's connection pool size
     * @param lockWaits     row locks waited for in the database, from the first pay to the last acknowledgement
     */
    record Result(int sent, double sentPerSecond, int accepted, int refused, long acknowledged, Duration settled,
                  LatencySeries latencies, Stages stages, CountingReceiver.Counts received, List<Integer> poolPending,
                  int poolSize, ServerStatus.RowLockWaits lockWaits) {

        Percentiles latency() {
            return latencies.all();
        }
    }
}

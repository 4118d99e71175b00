package org.besteffort.drills.benchmark;

import org.besteffort.common.PayResult;
import org.besteffort.common.PayResultNotification;
import org.besteffort.local.infra.Database;
import org.besteffort.local.infra.LocalDatabase;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Phase 1: a backlog written straight into {@code bank1_notify} (as if the gateway had taken that many pay results off
 * the topic while its receiver was down), made due all at once with one {@code UPDATE}, and timed until every task is
 * SUCCEEDED. Meanwhile the gateway's RSS and heap and InnoDB's history list are sampled once a second, and the CPU of
 * every process and the database's statements, commits and row lock waits are counted.
 */
final class BacklogDrain {

    private static final int BATCH = 1_000;

    /** Far enough away that the gateway leaves the tasks alone until the release. */
    private static final Instant NOT_YET = Instant.parse("2099-01-01T00:00:00Z");

    /** Gives up on a drain slower than this; the figures then say how far it got. */
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(20);

    private final NotifyStack stack;
    private final CountingReceiver receiver;
    private final GatewayActuatorClient gateway;
    private final String txNoPrefix;

    /** @param txNoPrefix starts the made-up txNo of every task of the backlog */
    BacklogDrain(NotifyStack stack, CountingReceiver receiver, GatewayActuatorClient gateway, String txNoPrefix) {
        this.stack = stack;
        this.receiver = receiver;
        this.gateway = gateway;
        this.txNoPrefix = txNoPrefix;
    }

    Result run(int backlog) throws Exception {
        Database database = stack.database();
        long endpointId = insertEndpoint(database);
        long insertStarted = System.nanoTime();
        insertTasks(endpointId, backlog);
        Duration inserted = Duration.ofNanos(System.nanoTime() - insertStarted);

        Map<String, Long> pids = new LinkedHashMap<>(stack.pids());
        pids.put("benchmark (receiver, poller)", ProcessHandle.current().pid());
        CountingReceiver.Counts receivedBefore = receiver.counts();
        List<DrainSamples.Sample> samples = new ArrayList<>();
        samples.add(sample(0, 0));
        Map<String, Long> statusBefore = ServerStatus.read(database);
        Footprint.Cpu cpu = Footprint.cpuFrom(pids);
        long releaseStarted = System.nanoTime();
        Instant released = release(database, endpointId);
        long releasedNanos = System.nanoTime();
        Duration releaseTook = Duration.ofNanos(releasedNanos - releaseStarted);

        long acknowledged = 0;
        for (int tick = 1; acknowledged < backlog; tick++) {
            long wait = releasedNanos + tick * 500_000_000L - System.nanoTime();
            if (wait > 0) {
                // A poller: the clock is what it waits for.
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            acknowledged = succeeded(database, endpointId);
            long elapsedMillis = (System.nanoTime() - releasedNanos) / 1_000_000;
            if (tick % 2 == 0 || acknowledged >= backlog) {
                samples.add(sample(elapsedMillis, acknowledged));
            }
            if (elapsedMillis > GIVE_UP_AFTER.toMillis()) {
                break;
            }
        }
        Duration polledDone = Duration.ofNanos(System.nanoTime() - releasedNanos);
        Map<String, Double> cores = cpu.cores();
        Duration cpuWindow = Duration.ofNanos(System.nanoTime() - cpu.startedNanos());
        Map<String, Long> statusAfter = ServerStatus.read(database);
        // Like CPU ms, but independent of how busy the host is.
        double statements = (statusAfter.get("Questions") - statusBefore.get("Questions")) / (double) acknowledged;
        double commits = (statusAfter.get("Com_commit") - statusBefore.get("Com_commit")) / (double) acknowledged;
        ServerStatus.RowLockWaits lockWaits = ServerStatus.RowLockWaits.between(statusBefore, statusAfter);
        CountingReceiver.Counts received = receiver.counts().since(receivedBefore);
        Timing timing = timing(database, endpointId, released);
        return new Result(backlog, inserted, releaseTook, acknowledged, timing.firstAck(), timing.lastAck(),
                polledDone, rate(database, endpointId, released), new DrainSamples(samples), cores, cpuWindow, received,
                attempts(database, endpointId), statements, commits, lockWaits);
    }

    private DrainSamples.Sample sample(long elapsedMillis, long acknowledged) throws SQLException {
        return new DrainSamples.Sample(elapsedMillis, acknowledged, Footprint.rssMiB(stack.gatewayPid()),
                gateway.heapUsedMiB(), ServerStatus.historyListLength(stack.database()));
    }

    private long insertEndpoint(Database database) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        try (Connection db = database.connect("bank1_notify");
             PreparedStatement insert = db.prepareStatement("""
                     INSERT INTO notify_endpoint (receiver_id, notify_url, status, paused_until, updated_at)
                     VALUES (?, ?, 'ENABLED', ?, ?)""", Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, NotifyStack.RECEIVER_ID);
            insert.setString(2, receiver.url());
            insert.setTimestamp(3, now);
            insert.setTimestamp(4, now);
            insert.executeUpdate();
            try (ResultSet key = insert.getGeneratedKeys()) {
                key.next();
                return key.getLong(1);
            }
        }
    }

    /** PENDING tasks, not due before {@link #NOT_YET}, each with a real notification body, in batches of 1,000. */
    private void insertTasks(long endpointId, int backlog) throws SQLException {
        // One multi-row INSERT per batch instead of one statement per row.
        String url = stack.database().jdbcUrl("bank1_notify") + "&rewriteBatchedStatements=true";
        try (Connection db = DriverManager.getConnection(url, LocalDatabase.USER, "");
             PreparedStatement insert = db.prepareStatement("""
                     INSERT INTO notify_task (tx_no, receiver_id, endpoint_id, webhook_id, payload, status, attempts,
                                              next_attempt_at, paid_at, created_at, updated_at)
                     VALUES (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?, ?)""")) {
            db.setAutoCommit(false);
            Timestamp notYet = Timestamp.from(NOT_YET);
            for (int i = 0; i < backlog; i++) {
                Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
                String txNo = txNoPrefix + i;
                String payload = new PayResultNotification(PayResultNotification.TYPE, NotifyStack.RECEIVER_ID, txNo,
                        String.valueOf(i % 5 + 1), new BigDecimal("1.00"), PayResult.SUCCESS, now).toJson();
                insert.setString(1, txNo);
                insert.setString(2, NotifyStack.RECEIVER_ID);
                insert.setLong(3, endpointId);
                insert.setString(4, "pay_" + txNo);
                insert.setString(5, payload);
                insert.setTimestamp(6, notYet);
                insert.setTimestamp(7, Timestamp.from(now));
                insert.setTimestamp(8, Timestamp.from(now));
                insert.setTimestamp(9, Timestamp.from(now));
                insert.addBatch();
                if ((i + 1) % BATCH == 0 || i == backlog - 1) {
                    insert.executeBatch();
                    db.commit();
                }
            }
        }
    }

    /** Makes the whole backlog due in one statement; returns the time it committed. */
    private static Instant release(Database database, long endpointId) throws SQLException {
        try (Connection db = database.connect("bank1_notify");
             PreparedStatement due = db.prepareStatement(
                     "UPDATE notify_task SET next_attempt_at = ? WHERE endpoint_id = ? AND status = 'PENDING'")) {
            due.setTimestamp(1, Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MILLIS)));
            due.setLong(2, endpointId);
            due.executeUpdate();
            return Instant.now();
        }
    }

    private static long succeeded(Database database, long endpointId) throws SQLException {
        try (Connection db = database.connect("bank1_notify");
             PreparedStatement count = db.prepareStatement(
                     "SELECT COUNT(*) FROM notify_task WHERE endpoint_id = ? AND status = 'SUCCEEDED'")) {
            count.setLong(1, endpointId);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** First and last acknowledgement after the release, by the gateway's {@code succeeded_at}. */
    private static Timing timing(Database database, long endpointId, Instant released) throws SQLException {
        try (Connection db = database.connect("bank1_notify");
             PreparedStatement query = db.prepareStatement("""
                     SELECT TIMESTAMPDIFF(MICROSECOND, ?, MIN(succeeded_at)), TIMESTAMPDIFF(MICROSECOND, ?, MAX(succeeded_at))
                     FROM notify_task WHERE endpoint_id = ? AND status = 'SUCCEEDED'""")) {
            query.setTimestamp(1, Timestamp.from(released));
            query.setTimestamp(2, Timestamp.from(released));
            query.setLong(3, endpointId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return new Timing(Duration.ofNanos(row.getLong(1) * 1_000), Duration.ofNanos(row.getLong(2) * 1_000));
            }
        }
    }

    /** Acknowledgements per second since the release, by the gateway's {@code succeeded_at}. */
    private static DeliveryRate rate(Database database, long endpointId, Instant released) throws SQLException {
        Map<Long, Long> bySecond = new LinkedHashMap<>();
        try (Connection db = database.connect("bank1_notify");
             PreparedStatement query = db.prepareStatement("""
                     SELECT GREATEST(0, FLOOR(TIMESTAMPDIFF(MICROSECOND, ?, succeeded_at) / 1000000)) AS second, COUNT(*)
                     FROM notify_task WHERE endpoint_id = ? AND status = 'SUCCEEDED'
                     GROUP BY second""")) {
            query.setTimestamp(1, Timestamp.from(released));
            query.setLong(2, endpointId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    bySecond.put(rows.getLong(1), rows.getLong(2));
                }
            }
        }
        return DeliveryRate.of(bySecond);
    }

    /**
     * The attempts the gateway recorded in its attempt log for the backlog, with their HTTP round trips as it measured
     * them, and the tasks that did not succeed.
     */
    private static Attempts attempts(Database database, long endpointId) throws SQLException {
        List<Double> latencies = new ArrayList<>();
        try (Connection db = database.connect("bank1_notify");
             PreparedStatement query = db.prepareStatement("""
                     SELECT a.latency_ms FROM notify_attempt a JOIN notify_task t ON t.id = a.task_id
                     WHERE t.endpoint_id = ?""")) {
            query.setLong(1, endpointId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    latencies.add(rows.getDouble(1));
                }
            }
        }
        try (Connection db = database.connect("bank1_notify");
             PreparedStatement query = db.prepareStatement(
                     "SELECT COUNT(*) FROM notify_task WHERE endpoint_id = ? AND status <> 'SUCCEEDED'")) {
            query.setLong(1, endpointId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return new Attempts(latencies.size(), Percentiles.of(latencies), row.getLong(1));
            }
        }
    }

    private record Timing(Duration firstAck, Duration lastAck) {
    }

    /**
     * @param recorded    rows in {@code notify_attempt} for the backlog: one per HTTP attempt
     * @param roundTrip   their {@code latency_ms}: request sent → answer read, as the gateway measured it
     * @param notDone     tasks of the backlog not SUCCEEDED at the end
     */
    record Attempts(long recorded, Percentiles roundTrip, long notDone) {
    }

    /**
     * The drain's figures.
     *
     * @param inserted     how long writing the backlog took
     * @param releaseTook  how long the one UPDATE making it due took
     * @param acknowledged tasks SUCCEEDED at the end (the backlog, unless the drain was given up)
     * @param firstAck     release → first task SUCCEEDED (the gateway's {@code succeeded_at})
     * @param lastAck      release → last task SUCCEEDED: the drain's length
     * @param polledDone   release → the poll that saw every task SUCCEEDED
     * @param cores        CPU of each process over the drain, in cores
     * @param cpuWindow    how long the CPU was measured: the release and the drain
     * @param received     what the receiver saw during the drain
     * @param statementsPerNotification statements the database ran over the drain per task acknowledged, from every
     *                     client (the benchmark's own polling adds about three a second)
     * @param commitsPerNotification    commits, likewise: each is a durable write of the log
     * @param lockWaits    row locks waited for over the drain
     */
    record Result(int backlog, Duration inserted, Duration releaseTook, long acknowledged, Duration firstAck,
                  Duration lastAck, Duration polledDone, DeliveryRate rate, DrainSamples samples,
                  Map<String, Double> cores, Duration cpuWindow, CountingReceiver.Counts received,
                  Attempts attempts, double statementsPerNotification, double commitsPerNotification,
                  ServerStatus.RowLockWaits lockWaits) {

        double perSecond() {
            return acknowledged / (lastAck.toNanos() / 1e9);
        }

        double insertedPerSecond() {
            return backlog / (inserted.toNanos() / 1e9);
        }

        double cpuMillisPerNotification() {
            double cores = this.cores.values().stream().mapToDouble(Double::doubleValue).sum();
            return cores * cpuWindow.toNanos() / 1e6 / acknowledged;
        }
    }
}

package org.besteffort.drills.consistency;

import org.besteffort.drills.benchmark.Benchmark;
import org.besteffort.drills.benchmark.Footprint;
import org.besteffort.drills.benchmark.Percentiles;
import org.besteffort.local.infra.FreePorts;
import org.besteffort.local.infra.LocalDatabase;
import org.besteffort.local.infra.RepositoryRoot;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * 2PC, the left end of the course's table, measured like the send modes: the same recharge as one XA transaction
 * across two MariaDB servers ({@code bank1_pay} on the stack's, {@code bank1} on one of its own), with the account's
 * server SIGKILLed mid-commit under load, then loaded cleanly.
 *
 * <p>What a kill shows: transactions caught between PREPARE and COMMIT survive the participant's restart as
 * in-doubt ({@code XA RECOVER}), and their rows stay locked — a payer touching those accounts waits and times out — until
 * the coordinator's recovery commits them.
 */
final class TwoPhaseCommitColumn implements AutoCloseable {

    static final String MODE = "2pc";

    private static final BigDecimal ONE = new BigDecimal("1.00");
    private static final List<String> ACCOUNTS = List.of("1", "2", "3", "4", "5");
    private static final Duration RESOLVE_TIMEOUT = Duration.ofMinutes(3);

    /** bank1_pay's table in a schema of its own, so that the stack's services never see these pays. */
    private static final String PAY_SCHEMA = "bank1_pay_xa";

    private final LocalDatabase payDatabase;
    private final Path baseDir;
    private final Path accountDataDir;
    private final int accountPort = FreePorts.any();
    private final SendModeOptions options;
    private LocalDatabase accountDatabase;
    private final XaRecharge xa;
    private final AtomicLong sequence = new AtomicLong();

    TwoPhaseCommitColumn(LocalDatabase payDatabase, Path workDir, SendModeOptions options) {
        this.payDatabase = payDatabase;
        this.options = options;
        this.baseDir = workDir.resolve("mariadb-base");
        this.accountDataDir = workDir.resolve("mariadb-2pc-account-data");
        // The participant is killed and started again: it must come back with its data.
        LocalDatabase.requireOutsideTempDir(accountDataDir);
        accountDatabase = LocalDatabase.start(baseDir, accountDataDir, accountPort);
        accountDatabase.migrate(RepositoryRoot.find().resolve("sql"));
        try (Connection db = payDatabase.connect(""); Statement statement = db.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS " + PAY_SCHEMA);
            statement.execute("CREATE TABLE IF NOT EXISTS " + PAY_SCHEMA + ".account_pay LIKE bank1_pay.account_pay");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create " + PAY_SCHEMA, e);
        }
        xa = new XaRecharge(payDatabase, PAY_SCHEMA, accountDatabase, workDir.resolve("atomikos"), options.clients());
    }

    ModeFigures run() throws Exception {
        System.out.printf("%n== 2PC: one XA transaction across two MariaDB servers (Atomikos) ==%n");
        List<Map<String, Object>> kills = new ArrayList<>();
        double convergedSeconds = 0;
        for (int k = 1; k <= options.crashes(); k++) {
            Map<String, Object> kill = killParticipantMidCommit(k);
            kills.add(kill);
            convergedSeconds = Math.max(convergedSeconds, (double) kill.get("inDoubtResolvedAfterRestartSeconds"));
            System.out.printf("  account database SIGKILLed mid-commit (%d of %d): %s%n", k, options.crashes(), kill);
        }
        long pays = SendModeDrill.count(payDatabase, PAY_SCHEMA, "SELECT COUNT(*) FROM account_pay");
        long credits = SendModeDrill.count(accountDatabase, "bank1", "SELECT COUNT(*) FROM de_duplication");
        long creditedAmount = SendModeDrill.count(accountDatabase, "bank1",
                "SELECT SUM(account_balance) FROM account_info");
        List<String> violations = new ArrayList<>();
        int lost = (int) Math.max(0, pays - credits);
        if (pays != credits) {
            violations.add(MODE + ": " + pays + " pays committed but " + credits + " credits");
        }
        long doubleCredits = Math.max(0, creditedAmount - credits);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("kills", kills);
        ModeFigures crash = new ModeFigures(MODE, Map.of("PARTICIPANT_KILLED_MID_COMMIT", options.crashes()),
                (int) sequence.get(), (int) pays, lost, lost, 0, doubleCredits,
                Map.of("committed on both sides", (int) credits), convergedSeconds, null, null, null, null,
                violations, extra);
        return options.throughput() ? measured(crash) : crash;
    }

    /**
     * Runs the clients, SIGKILLs the account database after a few seconds, starts it again and measures what the
     * in-doubt transactions do to the accounts' locks until the coordinator resolves them.
     */
    private Map<String, Object> killParticipantMidCommit(int k) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger committed = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicLong longestCallMillis = new AtomicLong();
        ExecutorService clients = Executors.newFixedThreadPool(options.clients());
        for (int c = 0; c < options.clients(); c++) {
            clients.submit(() -> {
                while (!stop.get()) {
                    long started = System.nanoTime();
                    long n = sequence.incrementAndGet();
                    try {
                        xa.pay("xa-crash-" + k + "-" + n, ACCOUNTS.get((int) (n % ACCOUNTS.size())), ONE);
                        committed.incrementAndGet();
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                    longestCallMillis.accumulateAndGet((System.nanoTime() - started) / 1_000_000, Math::max);
                }
            });
        }
        Thread.sleep(3_000); // the load running, then the kill lands in the middle of commits
        accountDatabase.kill();
        stop.set(true);
        accountDatabase = LocalDatabase.start(baseDir, accountDataDir, accountPort);
        long restarted = System.nanoTime();
        int inDoubt = xaRecover(accountDatabase);
        // A payer's transaction touching every account, waiting at most 2 s per try for the in-doubt rows' locks.
        int probesTimedOut = 0;
        double locksHeldSeconds = -1;
        while (System.nanoTime() - restarted < RESOLVE_TIMEOUT.toNanos()) {
            if (probe(accountDatabase)) {
                locksHeldSeconds = (System.nanoTime() - restarted) / 1e9;
                break;
            }
            probesTimedOut++;
        }
        while (xaRecover(accountDatabase) + xaRecover(payDatabase) > 0
                && System.nanoTime() - restarted < RESOLVE_TIMEOUT.toNanos()) {
            Thread.sleep(200); // polling the coordinator's recovery: what is measured
        }
        double resolvedSeconds = (System.nanoTime() - restarted) / 1e9;
        clients.shutdown();
        clients.awaitTermination(5, TimeUnit.MINUTES);
        Map<String, Object> kill = new LinkedHashMap<>();
        kill.put("committedBeforeKill", committed.get());
        kill.put("failedAroundKill", failed.get());
        kill.put("longestPayCallSeconds", longestCallMillis.get() / 1000.0);
        kill.put("inDoubtAfterRestart", inDoubt);
        kill.put("payerUpdatesTimedOut", probesTimedOut);
        kill.put("accountsLockedAfterRestartSeconds", locksHeldSeconds);
        kill.put("inDoubtResolvedAfterRestartSeconds", resolvedSeconds);
        return kill;
    }

    /** An update of every account by someone else, as a payer's would be: true if it got the locks within 2 s. */
    private static boolean probe(LocalDatabase database) throws SQLException {
        try (Connection db = database.connect("bank1"); Statement statement = db.createStatement()) {
            statement.execute("SET SESSION innodb_lock_wait_timeout = 2");
            statement.executeUpdate("UPDATE account_info SET account_balance = account_balance");
            return true;
        } catch (SQLException e) {
            if (e.getErrorCode() == 1205) { // ER_LOCK_WAIT_TIMEOUT
                return false;
            }
            throw e;
        }
    }

    private static int xaRecover(LocalDatabase database) throws SQLException {
        try (Connection db = database.connect(""); ResultSet rows = db.createStatement().executeQuery("XA RECOVER")) {
            int count = 0;
            while (rows.next()) {
                count++;
            }
            return count;
        }
    }

    /** The clean load: a fixed rate for the latency, then closed-loop clients at maximum for the cost. */
    private ModeFigures measured(ModeFigures crash) throws Exception {
        System.out.printf("  clean load: %d pays/s, then %d clients at maximum, %s each%n", options.rate(),
                options.clients(), options.duration());
        closedLoop("xa-warm-", options.warmup(), Duration.ZERO);
        List<Double> latencies = fixedRate();
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put("mariadb (bank1_pay)", LocalDatabase.pid(payDatabase.dataDir()).orElseThrow());
        pids.put("mariadb (bank1)", LocalDatabase.pid(accountDataDir).orElseThrow());
        pids.put("coordinator + load", ProcessHandle.current().pid());
        var cpu = Footprint.cpuFrom(pids);
        long statementsBefore = Benchmark.questions(payDatabase) + Benchmark.questions(accountDatabase);
        long startedNanos = System.nanoTime();
        int[] counted = closedLoop("xa-max-", options.warmup(), options.duration());
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        double cores = cpu.cores().values().stream().mapToDouble(Double::doubleValue).sum();
        double statements = (Benchmark.questions(payDatabase) + Benchmark.questions(accountDatabase)
                - statementsBefore) / (double) counted[1];
        double perSecond = counted[0] / (double) options.duration().toSeconds();
        System.out.printf("  %d pays committed at maximum in %.0f s%n", counted[1], seconds);
        return new ModeFigures(MODE, crash.crashes(), crash.pays(), crash.committed(), crash.lost(),
                crash.lostNotRepaired(), 0, crash.doubleCredits(), crash.settledBy(), crash.convergedSeconds(),
                perSecond, Percentiles.of(latencies), statements, cores / (counted[1] / seconds) * 1000,
                crash.violations(), crash.extra());
    }

    /** Closed loop; returns the pays committed in the measured part, and in all. */
    private int[] closedLoop(String prefix, Duration warmup, Duration duration) throws InterruptedException {
        long warmupEnds = System.nanoTime() + warmup.toNanos();
        long ends = warmupEnds + duration.toNanos();
        AtomicInteger measured = new AtomicInteger();
        AtomicInteger all = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(options.clients());
        for (int c = 0; c < options.clients(); c++) {
            clients.submit(() -> {
                while (System.nanoTime() < ends) {
                    long n = sequence.incrementAndGet();
                    try {
                        xa.pay(prefix + n, ACCOUNTS.get((int) (n % ACCOUNTS.size())), ONE);
                        all.incrementAndGet();
                        if (System.nanoTime() > warmupEnds && System.nanoTime() < ends) {
                            measured.incrementAndGet();
                        }
                    } catch (Exception e) {
                        // counted as not committed
                    }
                }
            });
        }
        clients.shutdown();
        clients.awaitTermination(10, TimeUnit.MINUTES);
        return new int[] {measured.get(), all.get()};
    }

    /** Open loop at the fixed rate; the latency of a pay is its whole call: begin, both writes, 2PC commit. */
    private List<Double> fixedRate() throws InterruptedException {
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        long warmupEnds = System.nanoTime() + options.warmup().toNanos();
        ExecutorService workers = Executors.newFixedThreadPool(options.clients());
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        ticker.scheduleAtFixedRate(() -> workers.submit(() -> {
            long started = System.nanoTime();
            long n = sequence.incrementAndGet();
            try {
                xa.pay("xa-rate-" + n, ACCOUNTS.get((int) (n % ACCOUNTS.size())), ONE);
                if (started > warmupEnds) {
                    latencies.add((System.nanoTime() - started) / 1e6);
                }
            } catch (Exception e) {
                // not committed: no latency
            }
        }), 0, 1_000_000_000L / options.rate(), TimeUnit.NANOSECONDS);
        Thread.sleep(options.warmup().plus(options.duration()).toMillis()); // the phase runs on the ticker
        ticker.shutdownNow();
        workers.shutdown();
        workers.awaitTermination(2, TimeUnit.MINUTES);
        return latencies;
    }

    @Override
    public void close() {
        xa.close();
        accountDatabase.closeAndDeleteData();
    }
}

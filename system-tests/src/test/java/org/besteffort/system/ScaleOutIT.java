package org.besteffort.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.besteffort.local.infra.FreePorts;
import org.besteffort.local.infra.TestHttp;
import org.besteffort.local.infra.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scaling out the receiver: one pay-service and two account-service instances in one consumer group, run from their
 * jars over the real broker and database. The scenario runs once; each test checks one property of it.
 *
 * <ol>
 *   <li>{@value #WARM_UP} pays, until both instances have applied one: the group is balanced and both consume;</li>
 *   <li>{@value #RECHARGES} recharges are started at the two instances with their notifications dropped, so that
 *       only the reconciliation jobs, one per instance, can settle them;</li>
 *   <li>once both jobs have settled one, {@value #PAYS} pays go to pay-service's {@code /paydo} from {@value #CLIENTS}
 *       concurrent clients, one in fifty declined by the simulated bank;</li>
 *   <li>when half of them have been answered, instance B is killed with SIGKILL;</li>
 *   <li>the test waits until account-service's database agrees with pay-service's.</li>
 * </ol>
 *
 * <p>pay-service's Tomcat access log records each {@code /payresult/{txNo}} query with its start and end: that, and
 * the {@code attempts} the claim counts, show whether two instances ever worked on one recharge at once. Statement
 * reconciliation is switched off here: it would re-apply every pay of the run through a third path, and it has its own
 * test (StatementReconciliationIT).
 */
class ScaleOutIT {

    private static final Logger log = LoggerFactory.getLogger(ScaleOutIT.class);

    static final int PAYS = 2_000;

    static final int RECHARGES = 200;

    static final int CLIENTS = 16;

    /** Pays sent before anything else, until both instances have applied one. */
    static final int WARM_UP = 20;

    /** Recharges one reconciliation round claims: small, so that both instances take turns. */
    static final int BATCH_SIZE = 10;

    static final BigDecimal DECLINED_AMOUNT = new BigDecimal("20000.00");

    static final List<String> ACCOUNTS = List.of("1", "2", "3", "4", "5");

    private static final Duration CONVERGENCE_TIMEOUT = Duration.ofSeconds(90);

    private static ServiceInstance payService;

    private static ServiceInstance accountA;

    private static ServiceInstance accountB;

    private static Run run;

    @BeforeAll
    static void runTheScenario() throws Exception {
        TestInfrastructure infra = TestInfrastructure.shared();
        Path root = infra.repositoryRoot();
        Path workDir = Path.of("target", "scale-out", UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
        Map<String, BigDecimal> balancesBefore = balances();

        // All three at once: account-service needs pay-service only when it first calls it.
        int payPort = FreePorts.any();
        long starting = System.nanoTime();
        CompletableFuture<ServiceInstance> payStart = CompletableFuture.supplyAsync(() -> ServiceInstance.start(
                "pay-service", root.resolve("pay-service/target/pay-service.jar"), payPort, workDir,
                List.of("--spring.datasource.url=" + infra.database().jdbcUrl("bank1_pay"),
                        "--rocketmq.name-server=" + infra.broker().nameServerAddress(),
                        "--server.tomcat.accesslog.enabled=true",
                        "--server.tomcat.accesslog.directory=" + workDir,
                        "--server.tomcat.accesslog.prefix=pay-service-access",
                        "--server.tomcat.accesslog.suffix=.log",
                        "--server.tomcat.accesslog.rotate=false",
                        "--server.tomcat.accesslog.buffered=false",
                        "--server.tomcat.accesslog.pattern=" + PayresultQuery.PATTERN)));
        CompletableFuture<ServiceInstance> aStart = CompletableFuture.supplyAsync(() -> startAccountService("account-a",
                root, workDir, infra, payPort));
        CompletableFuture<ServiceInstance> bStart = CompletableFuture.supplyAsync(() -> startAccountService("account-b",
                root, workDir, infra, payPort));
        try {
            payService = payStart.join();
            accountA = aStart.join();
            accountB = bStart.join();
        } catch (CompletionException e) {
            // Spring Boot does not watch its stdin: whatever did start would outlive this JVM.
            List.of(payStart, aStart, bStart).forEach(started -> started.thenAccept(ServiceInstance::kill));
            throw e;
        }
        Duration startup = Duration.ofNanos(System.nanoTime() - starting);

        Duration warmUp = warmUp();
        List<Recharge> recharges = startRechargesWithoutNotifications();
        // Both reconciliation jobs have work: each has settled a recharge before the load starts.
        await().atMost(Duration.ofSeconds(30)).until(() ->
                applied(accountA).stream().anyMatch(line -> line.path().equals("RECONCILIATION"))
                        && applied(accountB).stream().anyMatch(line -> line.path().equals("RECONCILIATION")));

        Load load = pay();

        long loadEnded = System.nanoTime();
        Map<String, PayRow> pays = payServiceLedger();
        Set<String> successful = pays.values().stream().filter(PayRow::success).map(PayRow::txNo)
                .collect(Collectors.toSet());
        Set<String> declined = pays.values().stream().filter(pay -> !pay.success()).map(PayRow::txNo)
                .collect(Collectors.toSet());
        Set<String> paidDirectly = load.answers().stream().filter(Answer::success).map(Answer::txNo)
                .collect(Collectors.toSet());
        AtomicLong deliveredAt = new AtomicLong(-1);
        // Says where it stands when it gives up: which of the three conditions did not hold.
        await().atMost(CONVERGENCE_TIMEOUT).pollInterval(Duration.ofMillis(250))
                .conditionEvaluationListener(condition -> {
                    if (condition.getRemainingTimeInMS() <= 250) {
                        log.warn("not converged: {}", stateOfConvergence(successful.size(), declined.size()));
                    }
                })
                .until(() -> {
                    Set<String> credited = deduplicatedTxNos();
                    if (deliveredAt.get() < 0 && credited.containsAll(paidDirectly)) {
                        deliveredAt.set(System.nanoTime());
                    }
                    return credited.size() == successful.size()
                            && count("SELECT COUNT(*) FROM account_recharge WHERE status = 'PENDING'") == 0
                            && count("SELECT COUNT(*) FROM account_recharge WHERE status = 'FAILED'")
                            == declined.size();
                });
        Duration convergence = Duration.ofNanos(System.nanoTime() - loadEnded);
        Duration delivery = Duration.ofNanos(Math.max(0, deliveredAt.get() - loadEnded));

        run = new Run(startup, warmUp, recharges, load, pays, balancesBefore, balances(), deduplicatedTxNos(),
                rechargeRows(), applied(accountA), applied(accountB),
                PayresultQuery.readAll(workDir.resolve("pay-service-access.log")), delivery, convergence);
        run.report();
    }

    @AfterAll
    static void stopServices() {
        // Killed, not stopped: the run's broker store and database are thrown away with the test JVM anyway.
        for (ServiceInstance instance : new ServiceInstance[] {accountA, accountB, payService}) {
            if (instance != null) {
                instance.kill();
            }
        }
    }

    @Test
    void creditsEverySuccessfulPayExactlyOnce() {
        Map<String, BigDecimal> paidPerAccount = run.pays().values().stream().filter(PayRow::success)
                .collect(Collectors.groupingBy(PayRow::accountNo,
                        Collectors.reducing(BigDecimal.ZERO, PayRow::amount, BigDecimal::add)));
        for (String account : ACCOUNTS) {
            assertThat(run.balancesAfter().get(account).subtract(run.balancesBefore().get(account)))
                    .as("balance delta of account %s", account)
                    .isEqualByComparingTo(paidPerAccount.getOrDefault(account, BigDecimal.ZERO));
        }
        Set<String> successful = run.pays().values().stream().filter(PayRow::success).map(PayRow::txNo)
                .collect(Collectors.toSet());
        assertThat(run.deduplicated()).hasSize(successful.size()).isEqualTo(successful);
        // Every pay the clients were told about is in pay-service's ledger, as the clients saw it.
        assertThat(run.pays()).hasSize(WARM_UP + PAYS + RECHARGES);
        run.load().answers().forEach(answer -> assertThat(run.pays().get(answer.txNo()).success())
                .as("result of %s", answer.txNo()).isEqualTo(answer.success()));
        assertThat(run.load().answers()).hasSize(PAYS).allMatch(answer -> answer.status() == 200);
    }

    @Test
    void settlesEveryRechargeWhoseNotificationWasLostByReconciliation() {
        assertThat(run.recharges()).hasSize(RECHARGES);
        run.recharges().forEach(recharge -> {
            RechargeRow row = run.rechargeRows().get(recharge.txNo());
            assertThat(row.status()).as("status of %s", recharge.txNo()).isEqualTo("SETTLED");
            assertThat(row.settledBy()).as("settled_by of %s", recharge.txNo()).isEqualTo("RECONCILIATION");
        });
        // Both instances' jobs did part of the work.
        assertThat(run.reconciledBy(run.linesA())).isPositive();
        assertThat(run.reconciledBy(run.linesB())).isPositive();
    }

    @Test
    void sharesTheDeliveriesBetweenBothInstances() {
        long byA = run.deliveredBy(run.linesA());
        long byB = run.deliveredBy(run.linesB());

        // Two instances, four queues: two each until B dies halfway, so B should apply about a quarter.
        assertThat(byA).isGreaterThan(PAYS / 10);
        assertThat(byB).isGreaterThan(PAYS / 10);
    }

    @Test
    void neverAsksPayServiceAboutOneRechargeTwiceAtTheSameTime() {
        Map<String, List<PayresultQuery>> queries = run.queries().stream()
                .collect(Collectors.groupingBy(PayresultQuery::txNo));
        int claimedButNotAsked = 0;
        for (Recharge recharge : run.recharges()) {
            List<PayresultQuery> asked = queries.getOrDefault(recharge.txNo(), List.of());
            int claims = run.rechargeRows().get(recharge.txNo()).attempts();
            assertThat(asked).as("queries about %s", recharge.txNo()).isNotEmpty().hasSizeLessThanOrEqualTo(claims);
            for (int i = 0; i < asked.size(); i++) {
                for (int j = i + 1; j < asked.size(); j++) {
                    assertThat(asked.get(i).overlaps(asked.get(j)))
                            .as("queries %s and %s about %s overlap", asked.get(i), asked.get(j), recharge.txNo())
                            .isFalse();
                }
            }
            claimedButNotAsked += claims - asked.size();
        }
        // Only claims the killed instance made and never got to ask about: at most one batch.
        assertThat(claimedButNotAsked).isLessThanOrEqualTo(BATCH_SIZE);
        // A second job working on a recharge at the same time would have found it credited already.
        assertThat(run.linesA()).noneMatch(line -> line.is("RECONCILIATION", "ALREADY_APPLIED"));
        assertThat(run.linesB()).noneMatch(line -> line.is("RECONCILIATION", "ALREADY_APPLIED"));
    }

    @Test
    void losesNothingWhenOneInstanceIsKilledMidLoad() {
        Instant killed = run.load().killedAt();
        assertThat(accountB.isAlive()).isFalse();
        assertThat(run.load().answeredAfterKill()).as("pays answered after the kill").isGreaterThan(PAYS / 4);
        // B's queues moved to A: A kept applying messages after B was gone...
        assertThat(run.linesA()).anyMatch(line -> line.path().equals("MESSAGE") && line.at().isAfter(killed));
        assertThat(run.linesB()).allMatch(line -> !line.at().isAfter(killed.plusSeconds(1)));
        // ...and every pay, including those sent to B's queues after its death, is credited exactly once (see
        // creditsEverySuccessfulPayExactlyOnce), or recorded as failed when the bank declined it.
        Set<String> declined = run.pays().values().stream().filter(pay -> !pay.success()).map(PayRow::txNo)
                .collect(Collectors.toSet());
        assertThat(declined).isNotEmpty().allMatch(txNo -> run.rechargeRows().containsKey(txNo)
                && run.rechargeRows().get(txNo).status().equals("FAILED"));
        assertThat(run.deduplicated()).doesNotContainAnyElementsOf(declined);
    }

    private static ServiceInstance startAccountService(String name, Path root, Path workDir, TestInfrastructure infra,
                                                       int payPort) {
        return ServiceInstance.start(name, root.resolve("account-service/target/account-service.jar"),
                FreePorts.any(), workDir,
                List.of("--spring.datasource.url=" + infra.database().jdbcUrl("bank1"),
                        "--rocketmq.name-server=" + infra.broker().nameServerAddress(),
                        "--pay-service.url=" + ServiceInstance.url(payPort),
                        "--reconciliation.batch-size=" + BATCH_SIZE,
                        "--statement-reconciliation.interval=1h",
                        // ALREADY_APPLIED is logged at DEBUG: the test counts redeliveries too.
                        "--logging.level.org.besteffort.account.receiver.PayResultApplier=DEBUG"));
    }

    /**
     * Sends a few pays and waits until each instance has applied one. A consumer whose queues have just changed may
     * not be served until its next heartbeat, up to 30 s later (the broker answers its pulls "subscription is not
     * latest"): the load must not start before both instances really consume.
     */
    private static Duration warmUp() {
        long started = System.nanoTime();
        for (int i = 0; i < WARM_UP; i++) {
            TestHttp.Response paid = payService.http().postJson("/paydo",
                    "{\"accountNo\":\"%s\",\"payAmount\":1.00,\"txNo\":\"warm-up-%d\"}".formatted(
                            ACCOUNTS.get(i % ACCOUNTS.size()), i));
            assertThat(paid.status()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(60)).until(() ->
                applied(accountA).stream().anyMatch(line -> line.path().equals("MESSAGE"))
                        && applied(accountB).stream().anyMatch(line -> line.path().equals("MESSAGE")));
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Starts the recharges half at each instance while pay-service drops exactly their notifications. */
    private static List<Recharge> startRechargesWithoutNotifications() throws InterruptedException {
        TestHttp.Response dropping = payService.http().postJson("/ops/faults",
                "{\"dropNextNotifications\":" + RECHARGES + "}");
        assertThat(dropping.status()).isEqualTo(200);

        Collection<Recharge> recharges = new ConcurrentLinkedQueue<>();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        for (int i = 0; i < RECHARGES; i++) {
            ServiceInstance instance = i % 2 == 0 ? accountA : accountB;
            String accountNo = ACCOUNTS.get(i % ACCOUNTS.size());
            BigDecimal amount = BigDecimal.valueOf(1_000 + i, 2);
            clients.submit(() -> {
                try {
                    TestHttp.Response started = instance.http().postJson("/recharges",
                            "{\"accountNo\":\"%s\",\"amount\":%s}".formatted(accountNo, amount.toPlainString()));
                    if (started.status() == 202) {
                        recharges.add(new Recharge(started.json().getString("txNo"), accountNo, amount,
                                instance.name()));
                    } else {
                        log.warn("recharge at {} answered {}: {}", instance.name(), started.status(), started.body());
                    }
                } catch (RuntimeException e) {
                    log.warn("recharge at {} failed: {}", instance.name(), e.toString());
                }
            });
        }
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        // Every dropped notification was a recharge's: none of the pays to come can lose its own.
        assertThat(payService.http().get("/ops/faults").json().getIntValue("dropNextNotifications")).isZero();
        return List.copyOf(recharges);
    }

    /** The load: {@value #PAYS} pays from {@value #CLIENTS} clients; B is killed when half have been answered. */
    private static Load pay() throws InterruptedException {
        String prefix = "so-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        Collection<Answer> answers = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        CountDownLatch halfway = new CountDownLatch(PAYS / 2);
        long started = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            clients.submit(() -> {
                for (int i = next.getAndIncrement(); i < PAYS; i = next.getAndIncrement()) {
                    String txNo = prefix + i;
                    BigDecimal amount = i % 50 == 49 ? DECLINED_AMOUNT : BigDecimal.valueOf(1 + (i * 7919L) % 50_000, 2);
                    try {
                        TestHttp.Response paid = payService.http().postJson("/paydo",
                                "{\"accountNo\":\"%s\",\"payAmount\":%s,\"txNo\":\"%s\"}".formatted(
                                        ACCOUNTS.get(i % ACCOUNTS.size()), amount.toPlainString(), txNo));
                        answers.add(new Answer(txNo, paid.status(), Instant.now(),
                                paid.status() == 200 && "SUCCESS".equals(paid.json().getString("result"))));
                    } catch (RuntimeException e) {
                        // Recorded, not thrown: a pay-service that stops answering must fail the test, not a thread.
                        answers.add(new Answer(txNo, -1, Instant.now(), false));
                        log.warn("pay {} failed: {}", txNo, e.toString());
                    } finally {
                        halfway.countDown();
                    }
                }
            });
        }
        clients.shutdown();
        halfway.await();
        Instant killedAt = Instant.now();
        accountB.kill();
        assertThat(clients.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        return new Load(List.copyOf(answers), took, killedAt);
    }

    private static List<AppliedLine> applied(ServiceInstance instance) {
        return AppliedLine.readAll(instance.log());
    }

    private static String stateOfConvergence(int successful, int declined) {
        try {
            return "credited %d of %d successful pays; recharges PENDING %d (%s), FAILED %d of %d declined".formatted(
                    deduplicatedTxNos().size(), successful,
                    count("SELECT COUNT(*) FROM account_recharge WHERE status = 'PENDING'"), rechargeRows().entrySet()
                            .stream().filter(row -> row.getValue().status().equals("PENDING")).limit(5).toList(),
                    count("SELECT COUNT(*) FROM account_recharge WHERE status = 'FAILED'"), declined);
        } catch (SQLException e) {
            return "unknown: " + e;
        }
    }

    private static Map<String, PayRow> payServiceLedger() throws SQLException {
        Map<String, PayRow> pays = new HashMap<>();
        query("bank1_pay", "SELECT tx_no, account_no, pay_amount, result FROM account_pay", row ->
                pays.put(row.getString(1), new PayRow(row.getString(1), row.getString(2), row.getBigDecimal(3),
                        row.getString(4).equals("SUCCESS"))));
        return pays;
    }

    private static Map<String, BigDecimal> balances() throws SQLException {
        Map<String, BigDecimal> balances = new HashMap<>();
        query("bank1", "SELECT account_no, account_balance FROM account_info", row ->
                balances.put(row.getString(1), row.getBigDecimal(2)));
        return balances;
    }

    private static Set<String> deduplicatedTxNos() throws SQLException {
        Set<String> txNos = new HashSet<>();
        query("bank1", "SELECT tx_no FROM de_duplication", row -> txNos.add(row.getString(1)));
        return txNos;
    }

    private static Map<String, RechargeRow> rechargeRows() throws SQLException {
        Map<String, RechargeRow> rows = new HashMap<>();
        query("bank1", "SELECT tx_no, status, settled_by, attempts FROM account_recharge", row ->
                rows.put(row.getString(1), new RechargeRow(row.getString(2), row.getString(3), row.getInt(4))));
        return rows;
    }

    private static long count(String sql) throws SQLException {
        long[] count = new long[1];
        query("bank1", sql, row -> count[0] = row.getLong(1));
        return count[0];
    }

    private static void query(String schema, String sql, RowReader reader) throws SQLException {
        try (Connection connection = TestInfrastructure.shared().database().connect(schema);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                reader.read(rows);
            }
        }
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    /** A recharge started at {@code instance}. */
    record Recharge(String txNo, String accountNo, BigDecimal amount, String instance) {
    }

    /** What a client was told about its pay. */
    record Answer(String txNo, int status, Instant at, boolean success) {
    }

    /** The load as the clients saw it. */
    record Load(List<Answer> answers, Duration took, Instant killedAt) {

        long answeredAfterKill() {
            return answers.stream().filter(answer -> answer.at().isAfter(killedAt)).count();
        }

        double paysPerSecond() {
            return answers.size() * 1000.0 / took.toMillis();
        }
    }

    /** A row of pay-service's {@code account_pay}: the truth account-service must end up agreeing with. */
    record PayRow(String txNo, String accountNo, BigDecimal amount, boolean success) {
    }

    /** A row of account-service's {@code account_recharge}; {@code attempts} counts reconciliation claims. */
    record RechargeRow(String status, String settledBy, int attempts) {
    }

    /** Everything the scenario recorded, for the tests to check and the log to show. */
    record Run(Duration startup, Duration warmUp, List<Recharge> recharges, Load load, Map<String, PayRow> pays,
               Map<String, BigDecimal> balancesBefore, Map<String, BigDecimal> balancesAfter, Set<String> deduplicated,
               Map<String, RechargeRow> rechargeRows, List<AppliedLine> linesA, List<AppliedLine> linesB,
               List<PayresultQuery> queries, Duration delivery, Duration convergence) {

        long deliveredBy(List<AppliedLine> lines) {
            return lines.stream().filter(line -> line.path().equals("MESSAGE")).count();
        }

        long reconciledBy(List<AppliedLine> lines) {
            return lines.stream().filter(line -> line.is("RECONCILIATION", "CREDITED")).count();
        }

        void report() {
            Instant killed = load.killedAt();
            Function<List<AppliedLine>, Map<String, Long>> outcomes = lines -> lines.stream()
                    .filter(line -> line.path().equals("MESSAGE"))
                    .collect(Collectors.groupingBy(AppliedLine::outcome, Collectors.counting()));
            long aBeforeKill = linesA.stream().filter(line -> line.path().equals("MESSAGE") && !line.at().isAfter(killed))
                    .count();
            Map<Integer, Long> queriesPerRecharge = recharges.stream().collect(Collectors.groupingBy(
                    recharge -> (int) queries.stream().filter(query -> query.txNo().equals(recharge.txNo())).count(),
                    Collectors.counting()));
            int claims = recharges.stream().mapToInt(recharge -> rechargeRows.get(recharge.txNo()).attempts()).sum();
            // A pay published to one of B's queues after the kill waits until A has taken the queue over.
            Map<String, Instant> firstAppliedAt = new HashMap<>();
            linesA.stream().filter(line -> line.path().equals("MESSAGE"))
                    .forEach(line -> firstAppliedAt.putIfAbsent(line.txNo(), line.at()));
            long longestWaitAfterKill = load.answers().stream().filter(answer -> answer.at().isAfter(killed))
                    .filter(answer -> firstAppliedAt.containsKey(answer.txNo()))
                    .mapToLong(answer -> Duration.between(answer.at(), firstAppliedAt.get(answer.txNo())).toMillis())
                    .max().orElse(-1);
            log.info("""

                    ===== Scale-out run: 1 pay-service, 2 account-service instances (A, B), {} cores =====
                    services ready            {} s (three JVMs started together)
                    both instances consuming  {} s after the first of {} warm-up pays
                    recharges, notifications dropped   {} (started half at A, half at B)
                    pays at /paydo            {} from {} clients in {} s = {} pays/s ({} declined by the bank)
                    B killed (SIGKILL)        after {} answers; {} pays answered after the kill
                    takeover                  a pay answered after the kill waited at most {} s for its credit at A
                    deliveries applied by A   {} ({} before the kill, {} after) {}
                    deliveries applied by B   {} (all before the kill) {}
                    recharges reconciled      A {}, B {}; /payresult queries {} for {} claims; queries per recharge {}
                    all /paydo pays credited  {} s after the last pay was answered (by message)
                    everything converged      {} s after the last pay was answered (the last recharges by reconciliation:
                                              {} per round every 2 s per instance; the killed instance's claims after
                                              their 10 s lease)
                    balances before -> after  {} -> {}
                    """,
                    Runtime.getRuntime().availableProcessors(), seconds(startup), seconds(warmUp), WARM_UP,
                    recharges.size(), load.answers().size(),
                    CLIENTS, seconds(load.took()), String.format("%.0f", load.paysPerSecond()),
                    pays.values().stream().filter(pay -> !pay.success()).count(),
                    load.answers().size() - load.answeredAfterKill(), load.answeredAfterKill(),
                    String.format("%.1f", longestWaitAfterKill / 1000.0),
                    deliveredBy(linesA), aBeforeKill, deliveredBy(linesA) - aBeforeKill, outcomes.apply(linesA),
                    deliveredBy(linesB), outcomes.apply(linesB), reconciledBy(linesA), reconciledBy(linesB),
                    queries.stream().filter(query -> rechargeRows.containsKey(query.txNo())).count(), claims,
                    queriesPerRecharge, seconds(delivery), seconds(convergence), BATCH_SIZE, balancesBefore,
                    balancesAfter);
        }

        private static String seconds(Duration duration) {
            return String.format("%.1f", duration.toMillis() / 1000.0);
        }
    }
}

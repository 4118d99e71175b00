package org.besteffort.drills.consistency;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONWriter;
import org.besteffort.drills.DrillStack;
import org.besteffort.drills.benchmark.Benchmark;
import org.besteffort.drills.benchmark.Footprint;
import org.besteffort.drills.benchmark.LoadPhase;
import org.besteffort.drills.chaos.Ledger;
import org.besteffort.local.infra.BrokerProcess;
import org.besteffort.local.infra.LocalDatabase;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The send-mode comparison: best-effort notification against reliable messages, counted. On one throwaway stack, for
 * each of pay-service's send modes: recharges started at account-service while pay-service is halted at each of the
 * mode's crash points several times (started again each time), then convergence; then, if asked, a clean load at a
 * fixed rate and at maximum. Per mode it prints pays, messages lost, duplicates, double credits, time to converge,
 * settled pays/s, latency, statements and CPU per pay, and writes a JSON result. Exit code 1 on a broken invariant: a
 * double credit in any mode, a lost message in outbox or transactional, a lost message never repaired in after-commit.
 *
 * <p>Run by {@code ./mvnw -Psend-modes package} ({@code -Dmodes.crashes=3 -Dmodes.pays=200 …}). A console program:
 * it reports on standard output.
 */
public final class SendModeDrill {

    private static final Pattern TX_NO = Pattern.compile("[0-9a-f-]{36}");

    /** How long after the recharges settled a message may still be on its way (a relay's poll, a check-back). */
    private static final Duration MESSAGE_SETTLE = Duration.ofSeconds(10);

    private static final Duration CONVERGE_TIMEOUT = Duration.ofMinutes(3);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final DrillStack stack;
    private final SendModeOptions options;
    private final TopicTally tally;

    private SendModeDrill(DrillStack stack, SendModeOptions options, TopicTally tally) {
        this.stack = stack;
        this.options = options;
        this.tally = tally;
    }

    public static void main(String[] args) throws Exception {
        SendModeOptions options = SendModeOptions.parse(args);
        Path workDir = Path.of("target", "send-modes-" + LocalDateTime.now().format(
                DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))).toAbsolutePath();
        List<ModeFigures> figures = run(options, workDir);
        SendModeReport.print(System.out, options, figures);
        Path json = workDir.resolve("send-modes.json");
        Files.writeString(json, JSON.toJSONString(Map.of("options", options, "modes", figures),
                JSONWriter.Feature.PrettyFormat));
        System.out.printf("%nJSON result: %s%n", json);
        System.exit(SendModeReport.violations(figures).isEmpty() ? 0 : 1);
    }

    /** Runs the comparison in {@code workDir} on a stack of its own, torn down afterwards. */
    static List<ModeFigures> run(SendModeOptions options, Path workDir) throws Exception {
        Files.createDirectories(workDir);
        System.out.printf("Send-mode comparison in %s: starting broker, MariaDB, pay-service, account-service%n",
                workDir);
        List<String> sendModes = options.modes().stream().filter(mode -> !mode.equals(TwoPhaseCommitColumn.MODE))
                .toList();
        try (DrillStack stack = new DrillStack(workDir, BrokerProcess.DEFAULT_DELAY_LEVELS, DrillStack.Faults.NONE)
                .withPayServiceSettings(settings(sendModes.isEmpty() ? "after-commit" : sendModes.get(0)))) {
            stack.start();
            List<ModeFigures> figures = new ArrayList<>();
            try (TopicTally tally = new TopicTally(stack.nameServerAddress())) {
                SendModeDrill drill = new SendModeDrill(stack, options, tally);
                for (int m = 0; m < sendModes.size(); m++) {
                    String mode = sendModes.get(m);
                    if (m > 0) {
                        stack.restartPayService(settings(mode));
                    }
                    figures.add(drill.mode(mode, String.valueOf(m % 5 + 1)));
                }
            }
            // Last: its pays are in schemas of their own, but its load must not overlap the send modes' figures.
            if (options.modes().contains(TwoPhaseCommitColumn.MODE)) {
                try (TwoPhaseCommitColumn twoPhase = new TwoPhaseCommitColumn(stack.database(), workDir, options)) {
                    figures.add(twoPhase.run());
                }
            }
            return figures;
        }
    }

    /** pay-service's settings for a mode: relay and check-back timings short enough for a drill. */
    private static List<String> settings(String mode) {
        return List.of("--notifier.send-mode=" + mode, "--notifier.outbox.poll-every=200ms",
                "--notifier.outbox.lease=5s", "--notifier.transactional.rollback-after=10s");
    }

    private ModeFigures mode(String mode, String accountNo) throws Exception {
        System.out.printf("%n== send-mode %s ==%n", mode);
        List<String> txNos = new CopyOnWriteArrayList<>();
        Map<String, Integer> crashes = new LinkedHashMap<>();
        long doubleBefore = excessCredits();
        for (String point : SendModeOptions.crashPoints(mode)) {
            for (int k = 1; k <= options.crashes(); k++) {
                crashAt(point, accountNo, txNos);
                crashes.merge(point, 1, Integer::sum);
                System.out.printf("  halted at %s (%d of %d), started again%n", point, k, options.crashes());
            }
        }
        int rest = Math.max(0, options.pays() - txNos.size());
        System.out.printf("  %d more recharges from 4 clients%n", rest);
        recharges(rest, accountNo, txNos);
        long loadEnded = System.nanoTime();
        boolean settled = awaitSettled(txNos);
        double convergedSeconds = (System.nanoTime() - loadEnded) / 1e9;
        List<String> violations = new ArrayList<>();
        if (!settled) {
            violations.add(mode + ": did not converge within " + CONVERGE_TIMEOUT);
        }
        violations.addAll(new Ledger(stack.database()).violations());
        ModeFigures crashFigures = tallied(mode, crashes, txNos, excessCredits() - doubleBefore, convergedSeconds,
                violations);
        return options.throughput() ? measured(crashFigures) : crashFigures;
    }

    /** Arms the crash point, makes recharges until pay-service halts there, and starts it again. */
    private void crashAt(String point, String accountNo, List<String> txNos) throws Exception {
        var exit = stack.payServiceExit();
        int status = post(stack.payUrl() + "/ops/faults", "{\"crashAt\":\"" + point + "\"}").statusCode();
        if (status != 200) {
            throw new IllegalStateException("pay-service refused to arm " + point + ": " + status);
        }
        for (int attempt = 0; attempt < 20 && !exit.isDone(); attempt++) {
            recharge(accountNo, txNos);
            try {
                exit.get(3, TimeUnit.SECONDS);
            } catch (TimeoutException stillUp) {
                // the crash point is on another thread (the relay) or this pay did not reach it: one more
            }
        }
        if (!exit.isDone()) {
            throw new IllegalStateException("pay-service never reached " + point);
        }
        stack.keepPayServiceLog("halted-" + point.toLowerCase() + "-" + System.currentTimeMillis());
        stack.startPayService();
    }

    private void recharges(int count, String accountNo, List<String> txNos) throws InterruptedException {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        AtomicInteger left = new AtomicInteger(count);
        for (int c = 0; c < 4; c++) {
            clients.submit(() -> {
                while (left.getAndDecrement() > 0) {
                    recharge(accountNo, txNos);
                }
                return null;
            });
        }
        clients.shutdown();
        clients.awaitTermination(10, TimeUnit.MINUTES);
    }

    /** One recharge of 1.00 started at account-service, which records it PENDING and asks pay-service to pay it. */
    private void recharge(String accountNo, List<String> txNos) throws IOException, InterruptedException {
        var response = post(stack.accountUrl() + "/recharges",
                "{\"accountNo\":\"" + accountNo + "\",\"amount\":1.00}");
        if (response.statusCode() != 202) {
            throw new IllegalStateException("account-service refused a recharge: " + response.statusCode() + " "
                    + response.body());
        }
        String txNo = JSON.parseObject(response.body()).getString("txNo");
        if (txNo == null || !TX_NO.matcher(txNo).matches()) {
            throw new IllegalStateException("a recharge without a txNo: " + response.body());
        }
        txNos.add(txNo);
    }

    private HttpResponse<String> post(String url, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Waits until no recharge of the mode is pending at account-service, then until every committed pay's message has
     * been seen on the topic or {@link #MESSAGE_SETTLE} has passed: a lost message never comes.
     */
    private boolean awaitSettled(List<String> txNos) throws Exception {
        long deadline = System.nanoTime() + CONVERGE_TIMEOUT.toNanos();
        while (count("bank1", "SELECT COUNT(*) FROM account_recharge WHERE status = 'PENDING' AND tx_no IN "
                + in(txNos)) > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(500); // polling the databases: convergence is what is measured
        }
        long settleEnds = System.nanoTime() + MESSAGE_SETTLE.toNanos();
        while (System.nanoTime() < settleEnds && !(committed(txNos).stream().allMatch(tx -> tally.copies(tx) > 0)
                && outboxPublishesSeen(txNos))) {
            Thread.sleep(200);
        }
        return true;
    }

    /**
     * Whether the outbox has published every row of these pays and the topic has shown every publish: a row a relay
     * published but never marked is published again after its lease, often after the recharge has long settled.
     * Always true in the other modes, which write no outbox rows.
     */
    private boolean outboxPublishesSeen(List<String> txNos) throws SQLException {
        try (Connection db = stack.database().connect("bank1_pay");
             ResultSet rows = db.createStatement().executeQuery(
                     "SELECT tx_no, publishes, sent_at IS NULL FROM pay_outbox WHERE tx_no IN " + in(txNos))) {
            while (rows.next()) {
                if (rows.getBoolean(3) || tally.copies(rows.getString(1)) < rows.getInt(2)) {
                    return false;
                }
            }
        }
        return true;
    }

    private ModeFigures tallied(String mode, Map<String, Integer> crashes, List<String> txNos, long doubleCredits,
                                double convergedSeconds, List<String> violations) throws SQLException {
        List<String> committed = committed(txNos);
        List<String> lost = committed.stream().filter(txNo -> tally.copies(txNo) == 0).toList();
        int lostNotRepaired = lost.isEmpty() ? 0 : (int) count("bank1", "SELECT " + lost.size()
                + " - COUNT(*) FROM de_duplication WHERE tx_no IN " + in(lost));
        int duplicates = txNos.stream().mapToInt(txNo -> Math.max(0, tally.copies(txNo) - 1)).sum();
        Map<String, Integer> settledBy = new LinkedHashMap<>();
        try (Connection db = stack.database().connect("bank1");
             ResultSet rows = db.createStatement().executeQuery("""
                     SELECT CONCAT(status, IF(settled_by IS NULL, '', CONCAT(' by ', settled_by))), COUNT(*)
                     FROM account_recharge WHERE tx_no IN %s GROUP BY 1 ORDER BY 2 DESC""".formatted(in(txNos)))) {
            while (rows.next()) {
                settledBy.put(rows.getString(1).toLowerCase(), rows.getInt(2));
            }
        }
        return new ModeFigures(mode, crashes, txNos.size(), committed.size(), lost.size(), lostNotRepaired,
                duplicates, doubleCredits, settledBy, convergedSeconds, null, null, null, null, violations, Map.of());
    }

    /** The same stack loaded cleanly in this mode: at a fixed rate for the latency, at maximum for the cost. */
    private ModeFigures measured(ModeFigures crash) throws Exception {
        String runId = "modes-" + crash.mode();
        System.out.printf("  clean load: %d pays/s, then %d clients at maximum, %s each%n", options.rate(),
                options.clients(), options.duration());
        new LoadPhase(stack.payUrl(), stack.database(), runId).warmUp(options.clients(), options.warmup());
        var fixed = new LoadPhase(stack.payUrl(), stack.database(), runId).fixedRate("fixed-rate", options.rate(),
                options.warmup(), options.duration());
        var cpu = Footprint.cpuFrom(Footprint.withLoadGenerator(stack.pids()));
        long statementsBefore = Benchmark.questions(stack.database());
        var maximum = new LoadPhase(stack.payUrl(), stack.database(), runId).maximum("maximum", options.clients(),
                options.warmup(), options.duration());
        double cores = cpu.cores().values().stream().mapToDouble(Double::doubleValue).sum();
        double statements = (Benchmark.questions(stack.database()) - statementsBefore)
                / (double) maximum.creditedDuringPhase();
        return new ModeFigures(crash.mode(), crash.crashes(), crash.pays(), crash.committed(), crash.lost(),
                crash.lostNotRepaired(), crash.duplicates(), crash.doubleCredits(), crash.settledBy(),
                crash.convergedSeconds(), maximum.creditedPerSecond(), fixed.latency(), statements,
                cores / maximum.creditedPerSecond() * 1000, crash.violations(), crash.extra());
    }

    private List<String> committed(List<String> txNos) throws SQLException {
        List<String> committed = new ArrayList<>();
        try (Connection db = stack.database().connect("bank1_pay");
             ResultSet rows = db.createStatement().executeQuery(
                     "SELECT tx_no FROM account_pay WHERE tx_no IN " + in(txNos))) {
            while (rows.next()) {
                committed.add(rows.getString(1));
            }
        }
        return committed;
    }

    /** Credits beyond the successful pays, summed over the accounts: every pay here is 1.00, so this counts pays. */
    private long excessCredits() throws SQLException {
        return count("bank1", """
                SELECT COALESCE(SUM(GREATEST(0, a.account_balance - COALESCE(p.paid, 0))), 0)
                FROM account_info a LEFT JOIN (SELECT account_no, SUM(pay_amount) AS paid FROM bank1_pay.account_pay
                                               WHERE result = 'SUCCESS' GROUP BY account_no) p
                ON p.account_no = a.account_no""");
    }

    private long count(String schema, String query) throws SQLException {
        return count(stack.database(), schema, query);
    }

    /** The single number a query answers, e.g. a {@code COUNT(*)}. */
    public static long count(LocalDatabase database, String schema, String query) throws SQLException {
        try (Connection db = database.connect(schema); ResultSet row = db.createStatement().executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }

    /** An SQL list of txNos; each was checked to be a UUID when it was collected. */
    private static String in(List<String> txNos) {
        return txNos.isEmpty() ? "('')" : txNos.stream().map(txNo -> "'" + txNo + "'")
                .collect(Collectors.joining(",", "(", ")"));
    }
}

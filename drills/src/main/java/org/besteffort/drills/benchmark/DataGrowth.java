package org.besteffort.drills.benchmark;

import org.besteffort.drills.DrillStack;
import org.besteffort.local.infra.LocalDatabase;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Cost as data grows: with 10 thousand and then 1 million pays and pending recharges, the time of one
 * reconciliation claim, one statement page deep in the statement, and one {@code /payresult} query, and the plan
 * the database chose for each. A console program: it reports on standard output.
 *
 * <p>Run by {@code ./mvnw -Pgrowth package}.
 */
public final class DataGrowth {

    /** The claim of one reconciliation round, as RechargeMapper.lockDue runs it. */
    static final String CLAIM = """
            SELECT tx_no, account_no, amount, status, settled_by, settled_attempt, origin, attempts, next_attempt_at,
                   created_at, updated_at
            FROM account_recharge
            WHERE status = 'PENDING' AND next_attempt_at <= ? AND created_at <= ?
            ORDER BY next_attempt_at LIMIT 100 FOR UPDATE SKIP LOCKED""";

    /** One statement page, as StatementMapper.pageOf runs it for the local walkthrough (every receiver). */
    static final String PAGE = """
            SELECT tx_no, account_no, pay_amount, result, created_at AS paid_at, updated_at
            FROM account_pay
            WHERE (updated_at > ? OR (updated_at = ? AND tx_no > ?)) AND updated_at <= ?
            ORDER BY updated_at, tx_no LIMIT 200""";

    private static final int REPEATS = 20;

    private final LocalDatabase database;
    private final String payUrl;
    private final HttpClient http = HttpClient.newHttpClient();
    // Held open, as a service's pool holds its connections: the timings are of the queries, not of connecting.
    private final Connection accountDb;
    private final Connection payDb;

    private DataGrowth(LocalDatabase database, String payUrl) throws SQLException {
        this.database = database;
        this.payUrl = payUrl;
        this.accountDb = database.connect("bank1");
        this.payDb = database.connect("bank1_pay");
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path workDir = Path.of("target", "growth-" + stamp).toAbsolutePath();
        Files.createDirectories(workDir);
        try (DrillStack stack = new DrillStack(workDir, DrillStack.DEFAULT_DELAY_LEVELS, DrillStack.Faults.NONE)) {
            stack.start();
            DataGrowth growth = new DataGrowth(stack.database(), stack.payUrl());
            int seeded = 0;
            out.printf("%-10s %22s %22s %22s%n", "rows", "claim of 100 (ms)", "statement page (ms)",
                    "GET /payresult (ms)");
            for (int size : new int[] {10_000, 1_000_000}) {
                growth.seed(seeded, size);
                seeded = size;
                out.printf("%-10d %22s %22s %22s%n", size, growth.time(growth::claim), growth.time(growth::page),
                        growth.time(growth::payresult));
            }
            out.println();
            out.println("Plans at 1,000,000 rows (EXPLAIN):");
            Timestamp now = Timestamp.from(Instant.now());
            Timestamp middle = Timestamp.from(Instant.now().minusSeconds(2_400));
            growth.explain(out, CLAIM.replace("FOR UPDATE SKIP LOCKED", ""), "bank1", now, now);
            growth.explain(out, PAGE, "bank1_pay", middle, middle, "", now);
            growth.explain(out, "SELECT * FROM account_pay WHERE tx_no = ?", "bank1_pay", "growth-4242");
        }
    }

    /** Adds pays and pending recharges up to {@code size} rows each. */
    private void seed(int from, int size) throws SQLException {
        Instant base = Instant.now().minusSeconds(3_600);
        try (Connection pay = database.connect("bank1_pay"); Connection account = database.connect("bank1");
             PreparedStatement pays = pay.prepareStatement("""
                     INSERT INTO account_pay (tx_no, account_no, pay_amount, result, created_at, updated_at)
                     VALUES (?, ?, 1.00, 'SUCCESS', ?, ?)""");
             PreparedStatement recharges = account.prepareStatement("""
                     INSERT INTO account_recharge
                         (tx_no, account_no, amount, status, origin, attempts, next_attempt_at, created_at, updated_at)
                     VALUES (?, ?, 1.00, 'PENDING', 'STARTED_HERE', 0, ?, ?, ?)""")) {
            pay.setAutoCommit(false);
            account.setAutoCommit(false);
            for (int i = from; i < size; i++) {
                Timestamp at = Timestamp.from(base.plusMillis(i % 3_000_000));
                String txNo = "growth-" + i;
                pays.setString(1, txNo);
                pays.setString(2, String.valueOf(i % 5 + 1));
                pays.setTimestamp(3, at);
                pays.setTimestamp(4, at);
                pays.addBatch();
                recharges.setString(1, txNo);
                recharges.setString(2, String.valueOf(i % 5 + 1));
                recharges.setTimestamp(3, at);
                recharges.setTimestamp(4, at);
                recharges.setTimestamp(5, at);
                recharges.addBatch();
                if (i % 5_000 == 4_999 || i == size - 1) {
                    pays.executeBatch();
                    recharges.executeBatch();
                    pay.commit();
                    account.commit();
                }
            }
        }
        try (Connection account = database.connect("bank1")) {
            account.createStatement().execute("ANALYZE TABLE account_recharge");
        }
        try (Connection pay = database.connect("bank1_pay")) {
            pay.createStatement().execute("ANALYZE TABLE account_pay");
        }
    }

    private void claim() throws SQLException {
        accountDb.setAutoCommit(false);
        try (PreparedStatement claim = accountDb.prepareStatement(CLAIM)) {
            Timestamp now = Timestamp.from(Instant.now());
            claim.setTimestamp(1, now);
            claim.setTimestamp(2, now);
            drain(claim.executeQuery());
        }
        accountDb.rollback(); // measure the claim, leave the rows pending for the next repeat
    }

    /** A page from the middle of the statement, where an OFFSET would cost the most. */
    private void page() throws SQLException {
        try (PreparedStatement page = payDb.prepareStatement(PAGE)) {
            Timestamp middle = Timestamp.from(Instant.now().minusSeconds(2_400));
            page.setTimestamp(1, middle);
            page.setTimestamp(2, middle);
            page.setString(3, "");
            page.setTimestamp(4, Timestamp.from(Instant.now()));
            drain(page.executeQuery());
        }
    }

    private void payresult() throws Exception {
        http.send(HttpRequest.newBuilder(URI.create(payUrl + "/payresult/growth-4242")).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    /** Median of {@link #REPEATS} runs after one warm-up run. */
    private String time(Action action) throws Exception {
        action.run();
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < REPEATS; i++) {
            long started = System.nanoTime();
            action.run();
            millis.add((System.nanoTime() - started) / 1e6);
        }
        return "%.2f".formatted(Percentiles.of(millis).p50());
    }

    /** The plan for the query with the parameters the timing used. */
    private void explain(PrintStream out, String query, String schema, Object... parameters) throws SQLException {
        try (Connection db = database.connect(schema);
             PreparedStatement explain = db.prepareStatement("EXPLAIN " + query)) {
            for (int p = 0; p < parameters.length; p++) {
                explain.setObject(p + 1, parameters[p]);
            }
            out.println("  " + query.lines().map(String::strip).reduce((a, b) -> a + " " + b).orElse(""));
            try (ResultSet plan = explain.executeQuery()) {
                while (plan.next()) {
                    out.printf("    table=%s type=%s key=%s rows=%s extra=%s%n", plan.getString("table"),
                            plan.getString("type"), plan.getString("key"), plan.getString("rows"),
                            plan.getString("Extra"));
                }
            }
        }
    }

    private static void drain(ResultSet rows) throws SQLException {
        while (rows.next()) {
            rows.getString(1);
        }
    }

    @FunctionalInterface
    private interface Action {
        void run() throws Exception;
    }
}

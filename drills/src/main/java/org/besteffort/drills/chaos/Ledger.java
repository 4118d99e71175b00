package org.besteffort.drills.chaos;

import org.besteffort.local.infra.LocalDatabase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The truth in the three databases (one MariaDB holds all schemas here), and the pattern's promise checked against it.
 */
public final class Ledger {

    /** Successful pays that no de_duplication row has applied (yet). */
    private static final String NOT_CREDITED = """
            SELECT p.tx_no FROM bank1_pay.account_pay p
            LEFT JOIN bank1.de_duplication d ON d.tx_no = p.tx_no
            WHERE p.result = 'SUCCESS' AND d.tx_no IS NULL""";

    /** Applied txNos that are not a successful pay: a failed pay credited, or one pay-service never made. */
    private static final String CREDITED_WITHOUT_SUCCESS = """
            SELECT d.tx_no FROM bank1.de_duplication d
            LEFT JOIN bank1_pay.account_pay p ON p.tx_no = d.tx_no AND p.result = 'SUCCESS'
            WHERE p.tx_no IS NULL""";

    /** Per account: balance against the sum of its successful pays (the seed balances are 0). */
    private static final String BALANCE_MISMATCH = """
            SELECT a.account_no, a.account_balance, COALESCE(SUM(p.pay_amount), 0) AS paid
            FROM bank1.account_info a
            LEFT JOIN bank1_pay.account_pay p ON p.account_no = a.account_no AND p.result = 'SUCCESS'
            GROUP BY a.account_no, a.account_balance
            HAVING a.account_balance <> COALESCE(SUM(p.pay_amount), 0)""";

    private static final String PENDING = "SELECT tx_no FROM bank1.account_recharge WHERE status = 'PENDING'";

    /** Notifications the gateway still owes, or gave up on. */
    private static final String UNFINISHED_TASKS = """
            SELECT CONCAT(tx_no, ' ', status, ' after ', attempts, ' attempts') FROM bank1_notify.notify_task
            WHERE status <> 'SUCCEEDED'""";

    private final LocalDatabase database;

    public Ledger(LocalDatabase database) {
        this.database = database;
    }

    /** Nothing left to credit and nothing still waited for. */
    boolean converged() throws SQLException {
        try (Connection db = database.connect("bank1")) {
            return count(db, NOT_CREDITED) == 0 && count(db, PENDING) == 0;
        }
    }

    /** Every task the gateway keeps is acknowledged; {@code expected}: at least this many tasks kept. */
    boolean gatewayDone(long expected) throws SQLException {
        try (Connection db = database.connect("bank1_notify")) {
            return count(db, UNFINISHED_TASKS) == 0 && single(db, "SELECT COUNT(*) FROM notify_task") >= expected;
        }
    }

    /** Tasks the gateway gave up on: every attempt of the schedule failed. */
    int failedTasks() throws SQLException {
        try (Connection db = database.connect("bank1_notify")) {
            return (int) single(db, "SELECT COUNT(*) FROM notify_task WHERE status = 'FAILED'");
        }
    }

    /** Tasks leased by a gateway right now: deliveries in flight, or held by a gateway that died. */
    int leasedTasks() throws SQLException {
        try (Connection db = database.connect("bank1_notify")) {
            return (int) single(db, "SELECT COUNT(*) FROM notify_task WHERE status = 'PENDING' "
                    + "AND claim_token IS NOT NULL");
        }
    }

    /** Pays pay-service recorded, of any result: each names bank1, so each announced one becomes a task. */
    long paysMade() throws SQLException {
        try (Connection db = database.connect("bank1_pay")) {
            return single(db, "SELECT COUNT(*) FROM account_pay");
        }
    }

    /** What the gateway's own tables say about its work, measured after convergence. */
    GatewayFigures gateway() throws SQLException {
        int acknowledgedTwice;
        long attemptRows;
        long attemptsCounted;
        try (Connection db = database.connect("bank1_notify")) {
            acknowledgedTwice = (int) single(db, """
                    SELECT COUNT(*) FROM (SELECT task_id FROM notify_attempt WHERE outcome = 'ACKED'
                    GROUP BY task_id HAVING COUNT(*) > 1) twice""");
            attemptRows = single(db, "SELECT COUNT(*) FROM notify_attempt");
            attemptsCounted = single(db, "SELECT COALESCE(SUM(attempts), 0) FROM notify_task");
        }
        return new GatewayFigures(
                countBy("bank1_notify", "SELECT status, COUNT(*) FROM notify_task GROUP BY status ORDER BY status DESC"),
                countBy("bank1_notify", """
                        SELECT IF(attempts = 1, 'attempt 1', 'a later attempt'), COUNT(*) FROM notify_task
                        WHERE status = 'SUCCEEDED' GROUP BY 1 ORDER BY 1 DESC"""),
                countBy("bank1_notify", """
                        SELECT outcome, COUNT(*) FROM notify_attempt GROUP BY outcome ORDER BY COUNT(*) DESC"""),
                acknowledgedTwice, attemptRows, attemptsCounted);
    }

    /** Every broken promise, each with its txNo or account. */
    public List<String> violations() throws SQLException {
        List<String> violations = new ArrayList<>();
        try (Connection db = database.connect("bank1")) {
            for (String txNo : column(db, NOT_CREDITED)) {
                violations.add("lost: successful pay " + txNo + " never credited");
            }
            for (String txNo : column(db, CREDITED_WITHOUT_SUCCESS)) {
                violations.add("credited without a successful pay: " + txNo);
            }
            for (String txNo : column(db, PENDING)) {
                violations.add("still pending past the deadline: " + txNo);
            }
            for (String task : column(db, UNFINISHED_TASKS)) {
                violations.add("gateway task not acknowledged: " + task);
            }
            try (ResultSet rows = db.createStatement().executeQuery(BALANCE_MISMATCH)) {
                while (rows.next()) {
                    violations.add("account %s: balance %s but its successful pays sum to %s".formatted(
                            rows.getString(1), rows.getBigDecimal(2), rows.getBigDecimal(3)));
                }
            }
        }
        return violations;
    }

    /**
     * How the settled recharges were settled: message first try, message retry, notify first attempt, notify later
     * attempt, active query, statement.
     */
    Map<String, Integer> settlingPaths() throws SQLException {
        Map<String, Integer> paths = new LinkedHashMap<>();
        paths.put("message, first delivery", 0);
        paths.put("message, redelivery", 0);
        paths.put("notify, first attempt", 0);
        paths.put("notify, later attempt", 0);
        paths.put("active query (reconciliation)", 0);
        paths.put("statement", 0);
        try (Connection db = database.connect("bank1");
             ResultSet rows = db.createStatement().executeQuery("""
                     SELECT settled_by, COALESCE(settled_attempt, 1) > 1 AS again, COUNT(*)
                     FROM account_recharge WHERE status = 'SETTLED' GROUP BY settled_by, again""")) {
            while (rows.next()) {
                String path = switch (rows.getString(1)) {
                    case "MESSAGE" -> rows.getBoolean(2) ? "message, redelivery" : "message, first delivery";
                    case "NOTIFY" -> rows.getBoolean(2) ? "notify, later attempt" : "notify, first attempt";
                    case "RECONCILIATION" -> "active query (reconciliation)";
                    case "STATEMENT" -> "statement";
                    default -> "settled by " + rows.getString(1);
                };
                paths.merge(path, rows.getInt(3), Integer::sum);
            }
        }
        return paths;
    }

    /** Pays recorded at pay-service, by result. */
    Map<String, Integer> pays() throws SQLException {
        return countBy("bank1_pay", "SELECT result, COUNT(*) FROM account_pay GROUP BY result ORDER BY result DESC");
    }

    /** Recharges account-service knows of, by final status. */
    Map<String, Integer> recharges() throws SQLException {
        return countBy("bank1", "SELECT status, COUNT(*) FROM account_recharge GROUP BY status ORDER BY status");
    }

    private Map<String, Integer> countBy(String schema, String query) throws SQLException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (Connection db = database.connect(schema); ResultSet rows = db.createStatement().executeQuery(query)) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getInt(2));
            }
        }
        return counts;
    }

    private static long single(Connection db, String query) throws SQLException {
        try (ResultSet rows = db.createStatement().executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static int count(Connection db, String query) throws SQLException {
        return column(db, query).size();
    }

    private static List<String> column(Connection db, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = db.createStatement().executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}

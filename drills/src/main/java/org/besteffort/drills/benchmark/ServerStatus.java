package org.besteffort.drills.benchmark;

import org.besteffort.local.infra.Database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the database server says about itself ({@code SHOW GLOBAL STATUS}): the counters that tell how much work a
 * phase cost it and whether it waited on row locks, and how much InnoDB still has to purge.
 */
final class ServerStatus {

    private ServerStatus() {
    }

    /**
     * Counters since the server started: statements ({@code Questions}), commits ({@code Com_commit}), and the times a
     * row lock had to be waited for, with the total wait in ms ({@code Innodb_row_lock_waits},
     * {@code Innodb_row_lock_time}).
     */
    static Map<String, Long> read(Database database) throws SQLException {
        Map<String, Long> status = new LinkedHashMap<>();
        try (Connection db = database.connect("");
             ResultSet rows = db.createStatement().executeQuery("SHOW GLOBAL STATUS WHERE Variable_name IN "
                     + "('Questions', 'Com_commit', 'Innodb_row_lock_waits', 'Innodb_row_lock_time')")) {
            while (rows.next()) {
                status.put(rows.getString(1), rows.getLong(2));
            }
        }
        return status;
    }

    /** InnoDB's history list length: committed changes whose old row versions are not purged yet. */
    static long historyListLength(Database database) throws SQLException {
        try (Connection db = database.connect("");
             ResultSet row = db.createStatement().executeQuery(
                     "SHOW GLOBAL STATUS LIKE 'Innodb_history_list_length'")) {
            return row.next() ? row.getLong(2) : -1;
        }
    }

    /** Waits (up to {@code atMost}) until the history list is shorter than {@code below}; returns how long it took. */
    static Duration awaitPurged(Database database, long below, Duration atMost) throws Exception {
        long started = System.nanoTime();
        while (historyListLength(database) >= below && System.nanoTime() - started < atMost.toNanos()) {
            // A poller: the clock is what it waits for.
            Thread.sleep(500);
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Row locks waited for between two {@link #read readings}: how often, and how long in all (ms). */
    record RowLockWaits(long waits, long totalMillis) {

        static RowLockWaits between(Map<String, Long> before, Map<String, Long> after) {
            return new RowLockWaits(after.get("Innodb_row_lock_waits") - before.get("Innodb_row_lock_waits"),
                    after.get("Innodb_row_lock_time") - before.get("Innodb_row_lock_time"));
        }
    }
}

package org.besteffort.local.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * The SQL the services rely on, run against a database after the repository's {@code sql/} scripts: what must hold on
 * MariaDB (every build) and on MySQL 8.4 (where Docker exists) alike. The statements are the services' own.
 */
abstract class SqlConstructsContract {

    /** Keeps the rows of one test run apart from everything else in the schema. */
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    abstract Database database();

    @Test
    void hasTheSchemasAndSeedAccountsOfTheScripts() throws SQLException {
        try (Connection connection = database().connect("bank1");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT account_no, account_name FROM account_info"
                     + " WHERE account_no IN ('1', '2') ORDER BY account_no")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString("account_name")).isEqualTo("张三");
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString("account_name")).isEqualTo("李四");
        }
        try (Connection connection = database().connect("bank1_pay");
             Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM account_pay WHERE tx_no = 'none'")) {
            assertThat(count.next()).isTrue();
            assertThat(count.getInt(1)).isZero();
        }
    }

    @Test
    void rejectsASecondDeduplicationRowForTheSameTxNo() throws SQLException {
        String txNo = run + "-dedup";
        try (Connection connection = database().connect("bank1")) {
            insertDeduplication(connection, txNo);

            // The idempotency guard of PayResultApplier: the key decides, the second insert fails (error 1062).
            assertThatThrownBy(() -> insertDeduplication(connection, txNo))
                    .isInstanceOf(SQLIntegrityConstraintViolationException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getErrorCode()).isEqualTo(1062));
        }
    }

    @Test
    void upsertsWithTheValuesOfTheRowThatCollided() throws SQLException {
        String txNo = run + "-upsert";
        Instant created = Instant.parse("2024-05-06T07:08:09.123Z");
        Instant settled = Instant.parse("2024-05-06T07:08:19.456Z");
        try (Connection connection = database().connect("bank1")) {
            insertRecharge(connection, txNo, "1", "PENDING", created, created);

            // RechargeMapper.recordSettled: VALUES(col), the form both MariaDB and MySQL 8.4 accept.
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO account_recharge
                        (tx_no, account_no, amount, status, settled_by, origin, attempts, next_attempt_at,
                         created_at, updated_at)
                    VALUES (?, '1', 12.34, 'SETTLED', 'RECONCILIATION', 'ANNOUNCED', 0, ?, ?, ?)
                    ON DUPLICATE KEY UPDATE status = 'SETTLED', settled_by = VALUES(settled_by),
                                            updated_at = VALUES(updated_at)
                    """)) {
                upsert.setString(1, txNo);
                upsert.setTimestamp(2, Timestamp.from(settled));
                upsert.setTimestamp(3, Timestamp.from(settled));
                upsert.setTimestamp(4, Timestamp.from(settled));
                upsert.executeUpdate();
            }

            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT status, settled_by, origin, created_at, updated_at FROM account_recharge WHERE tx_no = ?")) {
                select.setString(1, txNo);
                try (ResultSet row = select.executeQuery()) {
                    assertThat(row.next()).isTrue();
                    assertThat(row.getString("status")).isEqualTo("SETTLED");
                    assertThat(row.getString("settled_by")).isEqualTo("RECONCILIATION");
                    // Columns the UPDATE clause does not name keep the values of the first insert.
                    assertThat(row.getString("origin")).isEqualTo("STARTED_HERE");
                    assertThat(row.getTimestamp("created_at").toInstant()).isEqualTo(created);
                    assertThat(row.getTimestamp("updated_at").toInstant()).isEqualTo(settled);
                }
            }
        }
    }

    @Test
    void letsASecondClaimerSkipTheRowsTheFirstHasLocked() throws SQLException {
        String accountNo = "skip-" + run;
        Instant due = Instant.parse("2024-01-01T00:00:00Z");
        try (Connection setup = database().connect("bank1")) {
            for (int i = 0; i < 4; i++) {
                insertRecharge(setup, run + "-claim-" + i, accountNo, "PENDING", due.plusMillis(i), due);
            }
        }
        try (Connection first = database().connect("bank1"); Connection second = database().connect("bank1")) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            try (Statement timeout = second.createStatement()) {
                // Were SKIP LOCKED ignored, the second claimer would wait for the first: fail in 1 s instead of 50.
                timeout.execute("SET SESSION innodb_lock_wait_timeout = 1");
            }

            List<String> firstBatch = lockDue(first, accountNo, 2);
            List<String> secondBatch = lockDue(second, accountNo, 10);

            assertThat(firstBatch).containsExactly(run + "-claim-0", run + "-claim-1");
            // Never a row of the first batch, and no waiting for it: the rows the first claimer left are free.
            assertThat(secondBatch).containsExactly(run + "-claim-2", run + "-claim-3");
            first.commit();
            second.commit();
        }
    }

    @Test
    void roundTripsMoneyAndMillisecondsInUtcWhateverTheJvmZone() throws SQLException {
        String txNo = run + "-roundtrip";
        BigDecimal amount = new BigDecimal("1234567890123456.78");
        Instant at = Instant.parse("2024-05-06T07:08:09.123Z");
        TimeZone jvmZone = TimeZone.getDefault();
        // A JVM far from UTC shows that the URL, not the machine's zone, decides what is stored.
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Shanghai"));
        try (Connection connection = database().connect("bank1_pay")) {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO account_pay (tx_no, account_no, pay_amount, result, created_at, updated_at)
                    VALUES (?, '1', ?, 'SUCCESS', ?, ?)
                    """)) {
                insert.setString(1, txNo);
                insert.setBigDecimal(2, amount);
                // What MyBatis's InstantTypeHandler does with an Instant parameter.
                insert.setTimestamp(3, Timestamp.from(at));
                insert.setTimestamp(4, Timestamp.from(at));
                insert.executeUpdate();
            }
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT pay_amount, created_at, DATE_FORMAT(created_at, '%H:%i:%s.%f') AS stored
                    FROM account_pay WHERE tx_no = ?
                    """)) {
                select.setString(1, txNo);
                try (ResultSet row = select.executeQuery()) {
                    assertThat(row.next()).isTrue();
                    assertThat(row.getBigDecimal("pay_amount")).isEqualTo(amount);
                    assertThat(row.getTimestamp("created_at").toInstant()).isEqualTo(at);
                    assertThat(row.getString("stored")).isEqualTo("07:08:09.123000");
                }
            }
        } finally {
            TimeZone.setDefault(jvmZone);
        }
    }

    @Test
    void refusesAnAmountTooLargeForItsColumnInsteadOfTruncatingIt() throws SQLException {
        try (Connection connection = database().connect("bank1");
             Statement statement = connection.createStatement();
             ResultSet mode = statement.executeQuery("SELECT @@SESSION.sql_mode")) {
            assertThat(mode.next()).isTrue();
            // MySQL 8's defaults on both: a value that does not fit is an error, not a silent truncation.
            assertThat(mode.getString(1)).contains("STRICT_TRANS_TABLES", "ONLY_FULL_GROUP_BY");
        }
        try (Connection connection = database().connect("bank1");
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO account_info (account_no, account_name, account_balance) VALUES (?, 'x', ?)")) {
            insert.setString(1, "big-" + run);
            insert.setBigDecimal(2, new BigDecimal("12345678901234567.00"));

            assertThatThrownBy(insert::executeUpdate).isInstanceOf(SQLException.class)
                    .hasMessageContaining("account_balance");
        }
    }

    /** RechargeMapper.lockDue, narrowed to one test's account so that other rows in the schema do not interfere. */
    private static List<String> lockDue(Connection connection, String accountNo, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT tx_no, account_no, amount, status, settled_by, origin, attempts, next_attempt_at,
                       created_at, updated_at
                FROM account_recharge
                WHERE status = 'PENDING' AND next_attempt_at <= ? AND created_at <= ? AND account_no = ?
                ORDER BY next_attempt_at
                LIMIT ?
                FOR UPDATE SKIP LOCKED
                """)) {
            Instant now = Instant.now();
            select.setTimestamp(1, Timestamp.from(now));
            select.setTimestamp(2, Timestamp.from(now));
            select.setString(3, accountNo);
            select.setInt(4, limit);
            List<String> txNos = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    txNos.add(rows.getString("tx_no"));
                }
            }
            return txNos;
        }
    }

    private static void insertRecharge(Connection connection, String txNo, String accountNo, String status,
                                       Instant nextAttemptAt, Instant created) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO account_recharge
                    (tx_no, account_no, amount, status, origin, attempts, next_attempt_at, created_at, updated_at)
                VALUES (?, ?, 12.34, ?, 'STARTED_HERE', 0, ?, ?, ?)
                """)) {
            insert.setString(1, txNo);
            insert.setString(2, accountNo);
            insert.setString(3, status);
            insert.setTimestamp(4, Timestamp.from(nextAttemptAt));
            insert.setTimestamp(5, Timestamp.from(created));
            insert.setTimestamp(6, Timestamp.from(created));
            insert.executeUpdate();
        }
    }

    private static void insertDeduplication(Connection connection, String txNo) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO de_duplication (tx_no, created) VALUES (?, ?)")) {
            insert.setString(1, txNo);
            insert.setTimestamp(2, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }
    }
}

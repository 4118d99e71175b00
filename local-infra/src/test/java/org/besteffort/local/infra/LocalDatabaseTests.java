package org.besteffort.local.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.TimeZone;
import java.util.UUID;

import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LocalDatabaseTests {

    static final Path INFRA_DIR = Path.of("target/test-infra").toAbsolutePath();

    static final Path SAMPLE_MIGRATIONS = Path.of("src/test/resources/migrations-sample");

    final Database database = TestInfrastructure.shared().database();

    @BeforeEach
    void migrateSampleSchema() {
        database.migrate(SAMPLE_MIGRATIONS);
    }

    @Test
    void appliesEachMigrationOnceAndKeepsChineseText() throws SQLException {
        MigrateResult again = SchemaMigrations.migrate(database, SAMPLE_MIGRATIONS.resolve("infra_sample"),
                "infra_sample", null);

        assertThat(again.migrationsExecuted).isZero();
        assertThat(SchemaMigrations.schemas(SAMPLE_MIGRATIONS)).containsExactly("infra_sample");

        try (Connection connection = database.connect("infra_sample");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT account_name FROM account_info WHERE account_no IN ('1', '2') ORDER BY account_no")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("张三");
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("李四");
            assertThat(rows.next()).isFalse();
        }
    }

    @Test
    void roundTripsMoneyMillisecondsAndChineseThroughConnectorJ() throws SQLException {
        BigDecimal balance = new BigDecimal("1234567890123456.78");
        Instant updatedAt = Instant.parse("2024-05-06T07:08:09.123Z");
        String accountNo = "rt-" + UUID.randomUUID().toString().substring(0, 8);
        String name = "王五";
        TimeZone jvmZone = TimeZone.getDefault();
        // A JVM far from UTC shows that the URL, not the machine's zone, decides what is stored.
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Shanghai"));
        try (Connection connection = database.connect("infra_sample")) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO account_info (account_no, account_name, account_balance, updated_at) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, accountNo);
                insert.setString(2, name);
                insert.setBigDecimal(3, balance);
                // What MyBatis's InstantTypeHandler does with an Instant parameter.
                insert.setTimestamp(4, Timestamp.from(updatedAt));
                insert.executeUpdate();
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT account_name, account_balance, updated_at, DATE_FORMAT(updated_at, '%H:%i:%s.%f') AS stored"
                            + " FROM account_info WHERE account_no = ?")) {
                select.setString(1, accountNo);
                try (ResultSet row = select.executeQuery()) {
                    assertThat(row.next()).isTrue();
                    assertThat(row.getString("account_name")).isEqualTo(name);
                    assertThat(row.getBigDecimal("account_balance")).isEqualTo(balance);
                    assertThat(row.getTimestamp("updated_at").toInstant()).isEqualTo(updatedAt);
                    // Stored as UTC wall-clock time, milliseconds kept.
                    assertThat(row.getString("stored")).isEqualTo("07:08:09.123000");
                }
            }
        } finally {
            TimeZone.setDefault(jvmZone);
        }
    }

    @Test
    void stopsAServerThatAKilledRunLeftInItsDataDir() throws SQLException {
        Path dataDir = freshDataDir();
        int port = FreePorts.any();
        // Not closed before the next start: stands for the server of a run that was killed with SIGKILL.
        LocalDatabase orphan = LocalDatabase.start(INFRA_DIR.resolve("mariadb-base"), dataDir, port);
        try {
            assertThat(LocalDatabase.stopStale(dataDir, port)).isPresent();
            assertThat(FreePorts.isFree(port)).isTrue();

            try (LocalDatabase restarted = LocalDatabase.start(INFRA_DIR.resolve("mariadb-base"), dataDir, port);
                 Connection connection = restarted.connect("mysql");
                 Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("SELECT @@sql_mode, @@character_set_server")) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).contains("STRICT_TRANS_TABLES", "ONLY_FULL_GROUP_BY");
                assertThat(row.getString(2)).isEqualTo("utf8mb4");
            }
        } finally {
            orphan.closeAndDeleteData();
        }
    }

    @Test
    void findsAServerAnotherProcessRunsByItsPortAndItsDataDir() throws SQLException {
        Path dataDir = freshDataDir();
        int port = FreePorts.any();
        LocalDatabase server = LocalDatabase.start(INFRA_DIR.resolve("mariadb-base"), dataDir, port);
        try {
            long pid = LocalDatabase.pid(dataDir).orElseThrow();
            String commandLine = ProcessHandle.of(pid).orElseThrow().info().commandLine().orElse("");
            assertThat(commandLine).contains(dataDir.toString());

            try (Connection connection = LocalDatabase.running(port).connect("mysql");
                 Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("SELECT @@port")) {
                assertThat(row.next()).isTrue();
                assertThat(row.getInt(1)).isEqualTo(port);
            }
        } finally {
            server.closeAndDeleteData();
        }
        assertThat(LocalDatabase.pid(dataDir)).isEmpty();
    }

    private static Path freshDataDir() {
        return INFRA_DIR.resolve("mariadb-data-test-" + UUID.randomUUID().toString().substring(0, 8));
    }
}

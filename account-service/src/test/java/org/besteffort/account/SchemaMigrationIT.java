package org.besteffort.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.besteffort.local.infra.Database;
import org.besteffort.local.infra.SchemaMigrations;
import org.besteffort.local.infra.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * account-service migrating its schema at start, with its own {@code application.yml} and the migrations packaged into
 * its jar, against databases that hold data: one made by the scripts before Flyway (taken over at version 1), one at the
 * previous version (upgraded), and an empty one. Only the data source and Flyway are started: what runs before any
 * other bean touches the database.
 */
class SchemaMigrationIT {

    private static final Path MIGRATIONS = TestInfrastructure.shared().repositoryRoot().resolve("sql/bank1");

    private static final String LATEST = "2";

    private final Database database = TestInfrastructure.shared().database();

    @Test
    void takesOverADatabaseTheScriptsBeforeFlywayMadeAndKeepsItsRows() throws SQLException {
        String schema = scratchSchema("takeover");
        // The tables of version 1 are what the scripts before Flyway created; without a history table Flyway sees a
        // database it did not make, as the trainee's stack holds after pulling this version.
        SchemaMigrations.migrate(database, MIGRATIONS, schema, "1");
        execute(schema, "DROP TABLE flyway_schema_history");
        holdData(schema);

        startFlywayOf(schema);

        assertThat(history(schema)).containsExactly("1 BASELINE true", "2 SQL true");
        assertDataKept(schema);
        assertParksAWholeMessage(schema);
    }

    @Test
    void upgradesADatabaseAtThePreviousVersionAndKeepsItsRows() throws SQLException {
        String schema = scratchSchema("upgrade");
        SchemaMigrations.migrate(database, MIGRATIONS, schema, "1");
        holdData(schema);

        startFlywayOf(schema);

        assertThat(history(schema)).containsExactly("1 SQL true", "2 SQL true");
        assertDataKept(schema);
        assertParksAWholeMessage(schema);
    }

    @Test
    void migratesAnEmptyDatabaseFromTheFirstVersionWithItsSeeds() throws SQLException {
        String schema = scratchSchema("fresh");
        SchemaMigrations.create(database, schema);

        startFlywayOf(schema);

        assertThat(history(schema)).containsExactly("1 SQL true", "2 SQL true");
        assertThat(number(schema, "SELECT COUNT(*) FROM account_info")).isEqualTo(5);
        assertThat(number(schema, "SELECT COUNT(*) FROM reconciliation_cursor WHERE name = 'statement'")).isEqualTo(1);
        assertParksAWholeMessage(schema);
    }

    @Test
    void startsAgainOnADatabaseAlreadyCurrentWithoutApplyingAnything() throws SQLException {
        String schema = scratchSchema("current");
        SchemaMigrations.migrate(database, MIGRATIONS, schema, LATEST);
        holdData(schema);

        startFlywayOf(schema);

        assertThat(history(schema)).containsExactly("1 SQL true", "2 SQL true");
        assertDataKept(schema);
    }

    /** What a trainee's database holds after a walkthrough: a credited balance, its ledger row, a parked message. */
    private void holdData(String schema) {
        execute(schema, "UPDATE account_info SET account_balance = 250.00 WHERE account_no = '1'");
        execute(schema, "INSERT INTO de_duplication (tx_no, created) VALUES ('MIGRATE-1', NOW(3))");
        execute(schema, "INSERT INTO parked_notification (tx_no, reason, payload, parked_at)"
                + " VALUES ('MIGRATE-P', 'unknown account', '{\"accountNo\":\"404\"}', NOW(3))");
    }

    private void assertDataKept(String schema) throws SQLException {
        try (Connection connection = database.connect(schema);
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT account_balance FROM account_info WHERE account_no = '1'")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getBigDecimal(1)).isEqualByComparingTo(new BigDecimal("250.00"));
        }
        assertThat(number(schema, "SELECT COUNT(*) FROM de_duplication WHERE tx_no = 'MIGRATE-1'")).isEqualTo(1);
        assertThat(number(schema, "SELECT COUNT(*) FROM parked_notification WHERE tx_no = 'MIGRATE-P'"
                + " AND payload = '{\"accountNo\":\"404\"}'")).isEqualTo(1);
    }

    /** Version 2: a parked notification keeps a body longer than TEXT's 64 KB. */
    private void assertParksAWholeMessage(String schema) throws SQLException {
        String body = "x".repeat(200_000);
        try (Connection connection = database.connect(schema);
             PreparedStatement insert = connection.prepareStatement("INSERT INTO parked_notification"
                     + " (tx_no, reason, payload, parked_at) VALUES ('MIGRATE-BIG', 'unreadable body', ?, NOW(3))")) {
            insert.setString(1, body);
            insert.executeUpdate();
        }
        assertThat(number(schema, "SELECT LENGTH(payload) FROM parked_notification WHERE tx_no = 'MIGRATE-BIG'"))
                .isEqualTo(body.length());
    }

    /** account-service's own Flyway settings (application.yml) and packaged migrations, on {@code schema}. */
    private void startFlywayOf(String schema) {
        try (ConfigurableApplicationContext ignored = new SpringApplicationBuilder(FlywayOnly.class)
                .web(WebApplicationType.NONE)
                .run("--spring.datasource.url=" + database.jdbcUrl(schema))) {
            // Flyway has migrated by the time the context is refreshed.
        }
    }

    private List<String> history(String schema) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = database.connect(schema);
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(
                     "SELECT version, type, success FROM flyway_schema_history ORDER BY installed_rank")) {
            while (row.next()) {
                rows.add(row.getString(1) + " " + row.getString(2) + " " + row.getBoolean(3));
            }
        }
        return rows;
    }

    private long number(String schema, String sql) throws SQLException {
        try (Connection connection = database.connect(schema);
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            assertThat(row.next()).isTrue();
            return row.getLong(1);
        }
    }

    private void execute(String schema, String sql) {
        try (Connection connection = database.connect(schema); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static String scratchSchema(String purpose) {
        return "bank1_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Not a @Configuration: the other tests' component scans must not find it. */
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class})
    static class FlywayOnly {
    }
}

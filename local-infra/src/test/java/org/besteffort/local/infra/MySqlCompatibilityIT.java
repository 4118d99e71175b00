package org.besteffort.local.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * Real MySQL 8.4, initialised exactly as docker-compose.yml initialises it
 * ({@code docker/mysql/1-service-databases.sh}) and migrated from {@code sql/} as the tests migrate it: the schemas,
 * their seeds and each service's grants. The services' SQL itself runs in each service's mapper contracts
 * ({@code *MappersOnMySqlIT}). Skipped where there is no Docker engine.
 */
@Testcontainers(disabledWithoutDocker = true)
class MySqlCompatibilityIT {

    private static final String PAY_PASSWORD = "pay-it-secret";

    private static final String ACCOUNT_PASSWORD = "account-it-secret";

    private static MySqlContainerDatabase mysql;

    @BeforeAll
    static void startMySql() {
        Path root = RepositoryRoot.find();
        mysql = MySqlContainerDatabase.start(List.of(root.resolve("docker/mysql/1-service-databases.sh")),
                Map.of("PAY_DB_PASSWORD", PAY_PASSWORD, "ACCOUNT_DB_PASSWORD", ACCOUNT_PASSWORD,
                        "NOTIFY_DB_PASSWORD", "notify-it-secret"));
        mysql.migrate(root.resolve("sql"));
    }

    @AfterAll
    static void stopMySql() {
        if (mysql != null) {
            mysql.close();
        }
    }

    @Test
    void hasTheSchemasAndSeedAccountsOfTheMigrations() throws SQLException {
        try (Connection connection = mysql.connect("bank1");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT account_no, account_name FROM account_info"
                     + " WHERE account_no IN ('1', '2') ORDER BY account_no")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString("account_name")).isEqualTo("张三");
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString("account_name")).isEqualTo("李四");
        }
        try (Connection connection = mysql.connect("bank1_notify");
             Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM notify_task")) {
            assertThat(count.next()).isTrue();
            assertThat(count.getInt(1)).isZero();
        }
    }

    @Test
    void runsMySql84WithUtf8mb4() throws SQLException {
        try (Connection connection = mysql.connect("bank1");
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT VERSION(), @@character_set_database")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).startsWith("8.4.");
            assertThat(row.getString(2)).isEqualTo("utf8mb4");
        }
    }

    @Test
    void givesPayServiceItsOwnSchemaAndNothingElse() throws SQLException {
        try (Connection pay = mysql.connect("bank1_pay", "pay_service", PAY_PASSWORD);
             Statement statement = pay.createStatement()) {
            try (ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM account_pay")) {
                assertThat(count.next()).isTrue();
            }
            // Error 1142: the notifier cannot read, let alone change, a balance.
            assertThatThrownBy(() -> statement.executeQuery("SELECT account_balance FROM bank1.account_info"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getErrorCode()).isEqualTo(1142));
        }
    }

    @Test
    void givesAccountServiceItsOwnSchemaAndNothingElse() throws SQLException {
        try (Connection account = mysql.connect("bank1", "account_service", ACCOUNT_PASSWORD);
             Statement statement = account.createStatement()) {
            // SELECT … FOR UPDATE needs UPDATE besides SELECT on MySQL 8: the claim of the reconciliation job.
            account.setAutoCommit(false);
            try (ResultSet claimed = statement.executeQuery(
                    "SELECT tx_no FROM account_recharge WHERE tx_no = 'none' FOR UPDATE SKIP LOCKED")) {
                assertThat(claimed.next()).isFalse();
            }
            account.commit();
            assertThatThrownBy(() -> statement.executeQuery("SELECT COUNT(*) FROM bank1_pay.account_pay"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getErrorCode()).isEqualTo(1142));
        }
    }
}

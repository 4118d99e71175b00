package org.besteffort.pay;

import org.besteffort.local.infra.Database;
import org.besteffort.local.infra.SchemaMigrations;
import org.besteffort.local.infra.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * pay-service's version 2 (every pay belongs to a receiver, {@code merchant_id}) on a database at version 1 that holds
 * pays: each keeps its row and is given the receiver that made it, bank1 unless it named another to notify.
 */
class PaySchemaMigrationIT {

    private static final Path MIGRATIONS = TestInfrastructure.shared().repositoryRoot().resolve("sql/bank1_pay");

    private final Database database = TestInfrastructure.shared().database();

    @Test
    void givesEveryPayOfVersionOneItsReceiverAndKeepsItsRow() {
        String schema = SchemaMigrations.createScratch(database, "bank1_pay_upgrade");
        SchemaMigrations.migrate(database, MIGRATIONS, schema, "1");
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(database.jdbcUrl(schema), Database.USER,
                Database.PASSWORD));
        jdbc.update("""
                INSERT INTO account_pay (tx_no, account_no, pay_amount, result, receiver_id, notify_url, created_at,
                                         updated_at)
                VALUES ('V1-queue', '1', 100.00, 'SUCCESS', NULL, NULL, NOW(3), NOW(3)),
                       ('V1-http', '2', 20.50, 'FAIL', 'shop-1', 'https://203.0.113.10/notify', NOW(3), NOW(3))""");

        SchemaMigrations.migrate(database, MIGRATIONS, schema, "2");

        assertThat(jdbc.queryForList("SELECT CONCAT(tx_no, ' ', merchant_id, ' ', pay_amount, ' ', result)"
                + " FROM account_pay ORDER BY tx_no", String.class))
                .containsExactly("V1-http shop-1 20.50 FAIL", "V1-queue bank1 100.00 SUCCESS");
        assertThat(jdbc.queryForObject("SELECT IS_NULLABLE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ?"
                + " AND TABLE_NAME = 'account_pay' AND COLUMN_NAME = 'merchant_id'", String.class, schema))
                .isEqualTo("NO");
    }
}

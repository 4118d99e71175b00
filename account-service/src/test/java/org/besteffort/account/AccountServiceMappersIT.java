package org.besteffort.account;


import org.besteffort.account.account.AccountMapperContract;
import org.besteffort.account.receiver.DeduplicationMapperContract;
import org.besteffort.account.receiver.ParkedNotificationMapperContract;
import org.besteffort.account.recharge.RechargeMapperContract;
import org.besteffort.account.reconciliation.ReconciliationCursorMapperContract;
import org.besteffort.local.infra.Database;
import org.besteffort.local.infra.SchemaMigrations;
import org.besteffort.local.infra.TestInfrastructure;
import org.junit.jupiter.api.Nested;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * account-service's mapper contracts on the integration tests' database: MariaDB in every build (MySQL 8.4 with
 * {@code -Dtest.database=mysql}), in an empty schema of their own that account-service's Flyway migrates and seeds.
 */
class AccountServiceMappersIT {

    @DynamicPropertySource
    static void scratchSchema(DynamicPropertyRegistry registry) {
        Database database = TestInfrastructure.shared().database();
        String schema = SchemaMigrations.createScratch(database, "bank1_mappers");
        registry.add("spring.datasource.url", () -> database.jdbcUrl(schema));
    }

    @Nested
    class Accounts extends AccountMapperContract {
    }

    @Nested
    class Deduplication extends DeduplicationMapperContract {
    }

    @Nested
    class ParkedNotifications extends ParkedNotificationMapperContract {
    }

    @Nested
    class Recharges extends RechargeMapperContract {
    }

    @Nested
    class ReconciliationCursor extends ReconciliationCursorMapperContract {
    }
}

package org.besteffort.account;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.besteffort.account.account.AccountMapperContract;
import org.besteffort.account.receiver.DeduplicationMapperContract;
import org.besteffort.account.receiver.ParkedNotificationMapperContract;
import org.besteffort.account.recharge.RechargeMapperContract;
import org.besteffort.account.reconciliation.ReconciliationCursorMapperContract;
import org.besteffort.local.infra.MySqlContainerDatabase;
import org.besteffort.local.infra.RepositoryRoot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * account-service's mapper contracts on real MySQL 8.4, initialised as docker-compose.yml initialises it
 * ({@code docker/mysql/1-service-databases.sh}): account-service's Flyway migrates {@code bank1} and the mappers run
 * as {@code account_service}, with only the grants that account has there. Skipped where there is no Docker engine.
 */
@Testcontainers(disabledWithoutDocker = true)
class AccountServiceMappersOnMySqlIT {

    private static final String PASSWORD = "account-mappers-secret";

    private static MySqlContainerDatabase mysql;

    @BeforeAll
    static void startMySql() {
        Path initScript = RepositoryRoot.find().resolve("docker/mysql/1-service-databases.sh");
        mysql = MySqlContainerDatabase.start(List.of(initScript), Map.of("ACCOUNT_DB_PASSWORD", PASSWORD,
                "PAY_DB_PASSWORD", "unused-here", "NOTIFY_DB_PASSWORD", "unused-here"));
    }

    @AfterAll
    static void stopMySql() {
        if (mysql != null) {
            mysql.close();
        }
    }

    @DynamicPropertySource
    static void accountServiceAccount(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> mysql.jdbcUrl("bank1"));
        registry.add("spring.datasource.username", () -> "account_service");
        registry.add("spring.datasource.password", () -> PASSWORD);
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

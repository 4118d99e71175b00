package org.besteffort.pay;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.besteffort.local.infra.MySqlContainerDatabase;
import org.besteffort.local.infra.RepositoryRoot;
import org.besteffort.pay.notifier.outbox.OutboxMapperContract;
import org.besteffort.pay.notifier.transactional.HalfMessageMapperContract;
import org.besteffort.pay.payment.PaymentMapperContract;
import org.besteffort.pay.statement.StatementMapperContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * pay-service's mapper contracts on real MySQL 8.4, initialised as docker-compose.yml initialises it
 * ({@code docker/mysql/1-service-databases.sh}): pay-service's Flyway migrates {@code bank1_pay} and the mappers run
 * as {@code pay_service}, with only the grants that account has there. Skipped where there is no Docker engine.
 */
@Testcontainers(disabledWithoutDocker = true)
class PayServiceMappersOnMySqlIT {

    private static final String PASSWORD = "pay-mappers-secret";

    private static MySqlContainerDatabase mysql;

    @BeforeAll
    static void startMySql() {
        Path initScript = RepositoryRoot.find().resolve("docker/mysql/1-service-databases.sh");
        mysql = MySqlContainerDatabase.start(List.of(initScript), Map.of("PAY_DB_PASSWORD", PASSWORD,
                "ACCOUNT_DB_PASSWORD", "unused-here", "NOTIFY_DB_PASSWORD", "unused-here"));
    }

    @AfterAll
    static void stopMySql() {
        if (mysql != null) {
            mysql.close();
        }
    }

    @DynamicPropertySource
    static void payServiceAccount(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> mysql.jdbcUrl("bank1_pay"));
        registry.add("spring.datasource.username", () -> "pay_service");
        registry.add("spring.datasource.password", () -> PASSWORD);
    }

    @Nested
    class Payments extends PaymentMapperContract {
    }

    @Nested
    class Statement extends StatementMapperContract {
    }

    @Nested
    class Outbox extends OutboxMapperContract {
    }

    @Nested
    class HalfMessages extends HalfMessageMapperContract {
    }
}

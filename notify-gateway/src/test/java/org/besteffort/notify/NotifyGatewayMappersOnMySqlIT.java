package org.besteffort.notify;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.besteffort.local.infra.MySqlContainerDatabase;
import org.besteffort.local.infra.RepositoryRoot;
import org.besteffort.notify.operator.OperatorActionMapperContract;
import org.besteffort.notify.task.NotifyAttemptMapperContract;
import org.besteffort.notify.task.NotifyEndpointMapperContract;
import org.besteffort.notify.task.NotifyTaskMapperContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The gateway's mapper contracts on real MySQL 8.4, initialised as docker-compose.yml initialises it
 * ({@code docker/mysql/1-service-databases.sh}): the gateway's Flyway migrates {@code bank1_notify} and the mappers run
 * as {@code notify_gateway}, with only the grants that account has there. Skipped where there is no Docker engine.
 */
@Testcontainers(disabledWithoutDocker = true)
class NotifyGatewayMappersOnMySqlIT {

    private static final String PASSWORD = "notify-mappers-secret";

    private static MySqlContainerDatabase mysql;

    @BeforeAll
    static void startMySql() {
        Path initScript = RepositoryRoot.find().resolve("docker/mysql/1-service-databases.sh");
        mysql = MySqlContainerDatabase.start(List.of(initScript), Map.of("NOTIFY_DB_PASSWORD", PASSWORD,
                "PAY_DB_PASSWORD", "unused-here", "ACCOUNT_DB_PASSWORD", "unused-here"));
    }

    @AfterAll
    static void stopMySql() {
        if (mysql != null) {
            mysql.close();
        }
    }

    @DynamicPropertySource
    static void notifyGatewayAccount(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> mysql.jdbcUrl("bank1_notify"));
        registry.add("spring.datasource.username", () -> "notify_gateway");
        registry.add("spring.datasource.password", () -> PASSWORD);
    }

    @Nested
    class Tasks extends NotifyTaskMapperContract {
    }

    @Nested
    class Endpoints extends NotifyEndpointMapperContract {
    }

    @Nested
    class Attempts extends NotifyAttemptMapperContract {
    }

    @Nested
    class OperatorActions extends OperatorActionMapperContract {
    }
}

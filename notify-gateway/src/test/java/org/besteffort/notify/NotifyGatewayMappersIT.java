package org.besteffort.notify;


import org.besteffort.local.infra.Database;
import org.besteffort.local.infra.SchemaMigrations;
import org.besteffort.local.infra.TestInfrastructure;
import org.besteffort.notify.operator.OperatorActionMapperContract;
import org.besteffort.notify.task.NotifyAttemptMapperContract;
import org.besteffort.notify.task.NotifyEndpointMapperContract;
import org.besteffort.notify.task.NotifyTaskMapperContract;
import org.junit.jupiter.api.Nested;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway's mapper contracts on the integration tests' database: MariaDB in every build (MySQL 8.4 with
 * {@code -Dtest.database=mysql}), in an empty schema of their own that the gateway's Flyway migrates.
 */
class NotifyGatewayMappersIT {

    @DynamicPropertySource
    static void scratchSchema(DynamicPropertyRegistry registry) {
        Database database = TestInfrastructure.shared().database();
        String schema = SchemaMigrations.createScratch(database, "bank1_notify_mappers");
        registry.add("spring.datasource.url", () -> database.jdbcUrl(schema));
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

package org.besteffort.pay;


import org.besteffort.local.infra.Database;
import org.besteffort.local.infra.SchemaMigrations;
import org.besteffort.local.infra.TestInfrastructure;
import org.besteffort.pay.notifier.outbox.OutboxMapperContract;
import org.besteffort.pay.notifier.transactional.HalfMessageMapperContract;
import org.besteffort.pay.payment.PaymentMapperContract;
import org.besteffort.pay.statement.StatementMapperContract;
import org.junit.jupiter.api.Nested;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * pay-service's mapper contracts on the integration tests' database: MariaDB in every build (MySQL 8.4 with
 * {@code -Dtest.database=mysql}), in an empty schema of their own that pay-service's Flyway migrates.
 */
class PayServiceMappersIT {

    @DynamicPropertySource
    static void scratchSchema(DynamicPropertyRegistry registry) {
        Database database = TestInfrastructure.shared().database();
        String schema = SchemaMigrations.createScratch(database, "bank1_pay_mappers");
        registry.add("spring.datasource.url", () -> database.jdbcUrl(schema));
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

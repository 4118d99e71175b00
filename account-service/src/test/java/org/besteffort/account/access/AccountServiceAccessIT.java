package org.besteffort.account.access;

import org.besteffort.local.infra.AccessTable;
import org.besteffort.local.infra.FreePorts;
import org.besteffort.local.infra.OpenApiDocument;
import org.besteffort.local.infra.SchemaMigrations;
import org.besteffort.local.infra.TestHttp;
import org.besteffort.local.infra.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;



import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of account-service × {anonymous, receiver A, receiver B, operator}, outside the local profile, from
 * one table. Receivers call pay-service, not the receiver's back office: their keys, known here too, get 403.
 * pay-service is not running (its URL has nothing behind it): no row needs it. The context reads no message and has
 * a schema of its own, so that it takes nothing from the other tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.password=it-database-password",
        "receiver.signing-keys.k1=it-notifier-signing-secret",
        "receiver.notify.secrets[0]=whsec_aXQtYmFuazEtbm90aWZ5LXNlY3JldA==",
        "edge.access.receivers.bank1=" + AccountServiceAccessIT.BANK1_KEY,
        "edge.access.receivers.shop2=" + AccountServiceAccessIT.SHOP2_KEY,
        "edge.access.operators.it-operator=" + AccountServiceAccessIT.OPERATOR_TOKEN,
        // No listener on the topic: this context would join the other tests' consumer group and take their messages.
        "receiver.channels=http"})
class AccountServiceAccessIT {

    static final String BANK1_KEY = "it-bank1-key";
    static final String SHOP2_KEY = "it-shop2-key";
    static final String OPERATOR_TOKEN = "it-operator-token";

    @LocalServerPort
    private int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mapping;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        var infra = TestInfrastructure.shared();
        // A schema of its own: this context's reconciliation jobs must not claim the other tests' recharges.
        String schema = SchemaMigrations.createScratch(infra.database(), "bank1_access");
        registry.add("spring.datasource.url", () -> infra.database().jdbcUrl(schema));
        registry.add("rocketmq.name-server", () -> infra.broker().nameServerAddress());
        registry.add("pay-service.url", () -> "http://127.0.0.1:" + FreePorts.any());
    }

    @Test
    void answersEachCallerAsTheTableSays() {
        TestHttp service = new TestHttp("http://127.0.0.1:" + port);
        AccessTable table = AccessTable.anonymousReceiversOperator(service, BANK1_KEY, SHOP2_KEY, OPERATOR_TOKEN)
                .row("GET /accounts", "/accounts", null, 401, 403, 403, 200)
                .row("GET /accounts/{accountNo}", "/accounts/1", null, 401, 403, 403, 200)
                .row("POST /recharges", "/recharges", "{}", 401, 403, 403, 400)
                .row("GET /recharges/{txNo}", "/recharges/nobody-started-this", null, 401, 403, 403, 404)
                .row("GET /dead-letters", "/dead-letters", null, 401, 403, 403, 200)
                .row("GET /parked-notifications", "/parked-notifications", null, 401, 403, 403, 200)
                .row("GET /ops/journal", "/ops/journal?limit=1", null, 401, 403, 403, 200)
                // Public: the notify URL checks its own signatures; an unsigned body gets its 401, whatever key came.
                .row("POST /notify/pay-result", "/notify/pay-result", "{}", 401, 401, 401, 401)
                .row("GET /checkout", "/checkout", null, 200, 200, 200, 200)
                .row("health", "/actuator/health", null, 200, 200, 200, 200)
                .row("metrics", "/actuator/metrics", null, 401, 403, 403, 200)
                .row("OpenAPI", "/v3/api-docs/api", null, 200, 200, 200, 200)
                .row("a path nobody maps", "/nothing-here", null, 401, 403, 403, 403);

        assertThat(table.mismatches()).isEmpty();
        // Every endpoint the service maps has its row.
        assertThat(table.unlisted(OpenApiDocument.endpoints(mapping, "org.besteffort"))).isEmpty();
    }
}

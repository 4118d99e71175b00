package org.besteffort.pay;

import org.besteffort.local.infra.TestHttp;
import org.besteffort.local.infra.Database;
import org.besteffort.local.infra.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * pay-service over the shared real broker and database, with a consumer of its own watching the topic.
 */
public abstract class PayServiceITSupport {

    /** The keys of test application.properties: receiver bank1, receiver shop2, an operator. */
    protected static final String BANK1_KEY = "it-bank1-key";
    protected static final String SHOP2_KEY = "it-shop2-key";
    protected static final String OPERATOR_TOKEN = "it-operator-token";
    /** The notifier's signing secret in these tests (test application.properties). */
    protected static final String SIGNING_SECRET = "it-notifier-signing-secret";

    protected static TopicObserver observer;

    @LocalServerPort
    protected int port;

    /**
     * The test's own view of the service's schema, outside the service's pool and in autocommit: a row it writes is
     * there for the service at once (the service's connections are not in autocommit; see application.yml).
     */
    protected final JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(
            TestInfrastructure.shared().database().jdbcUrl("bank1_pay"), Database.USER, Database.PASSWORD));

    @DynamicPropertySource
    static void brokerAndDatabase(DynamicPropertyRegistry registry) {
        var infra = TestInfrastructure.shared();
        registry.add("spring.datasource.url", () -> infra.database().jdbcUrl("bank1_pay"));
        registry.add("rocketmq.name-server", () -> infra.broker().nameServerAddress());
    }

    @BeforeAll
    static void observeTheTopic() {
        observer = TopicObserver.start(TestInfrastructure.shared().broker().nameServerAddress());
    }

    @AfterAll
    static void stopObserving() {
        observer.close();
    }

    /** pay-service as receiver bank1 calls it. */
    protected TestHttp http() {
        return anonymous().withBearer(BANK1_KEY);
    }

    /** pay-service as an operator calls it. */
    protected TestHttp operatorHttp() {
        return anonymous().withBearer(OPERATOR_TOKEN);
    }

    /** pay-service called without a key. */
    protected TestHttp anonymous() {
        return new TestHttp("http://127.0.0.1:" + port);
    }
}

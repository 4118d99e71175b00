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

    protected TestHttp http() {
        return new TestHttp("http://127.0.0.1:" + port);
    }
}

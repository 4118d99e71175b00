package org.besteffort.pay;

import org.besteffort.local.infra.FreePorts;
import org.besteffort.local.infra.TestHttp;
import org.besteffort.local.infra.Database;
import org.besteffort.local.infra.TestInfrastructure;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * pay-service over the shared real database, with a name server address where nothing listens: every send fails.
 * Subclasses set {@code rocketmq.producer.send-message-timeout=1000} and no retries, so that a send fails at once.
 */
public abstract class BrokerUnreachableITSupport {

    @LocalServerPort
    protected int port;

    /**
     * The test's own view of the service's schema, outside the service's pool and in autocommit: a row it writes is
     * there for the service at once (the service's connections are not in autocommit; see application.yml).
     */
    protected final JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(
            TestInfrastructure.shared().database().jdbcUrl("bank1_pay"), Database.USER, Database.PASSWORD));

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        var infra = TestInfrastructure.shared();
        registry.add("spring.datasource.url", () -> infra.database().jdbcUrl("bank1_pay"));
        registry.add("rocketmq.name-server", () -> "127.0.0.1:" + FreePorts.any());
    }

    /** pay-service as receiver bank1 calls it (its key is in test application.properties). */
    protected TestHttp http() {
        return new TestHttp("http://127.0.0.1:" + port).withBearer("it-bank1-key");
    }

    protected int paysRecorded(String txNo) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM account_pay WHERE tx_no = ?", Integer.class, txNo);
    }
}

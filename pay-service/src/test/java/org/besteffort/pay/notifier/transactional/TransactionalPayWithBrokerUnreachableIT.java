package org.besteffort.pay.notifier.transactional;

import org.besteffort.local.infra.FreePorts;
import org.besteffort.local.infra.TestHttp;
import org.besteffort.local.infra.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code send-mode: transactional} with no broker to take the half message: no pay either. The client gets a 503 it
 * may retry, and nothing is written — the opposite of after-commit, which records the pay and loses the message.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "notifier.send-mode=transactional",
        "rocketmq.producer.send-message-timeout=1000",
        "rocketmq.producer.retry-times-when-send-failed=0"})
class TransactionalPayWithBrokerUnreachableIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        var infra = TestInfrastructure.shared();
        registry.add("spring.datasource.url", () -> infra.database().jdbcUrl("bank1_pay"));
        // A name server address where nothing listens: no half message can be stored.
        registry.add("rocketmq.name-server", () -> "127.0.0.1:" + FreePorts.any());
    }

    @Test
    void refusesThePayWith503AndWritesNothingWhenTheHalfMessageCannotBeStored() {
        String txNo = "half-" + UUID.randomUUID();
        var http = new TestHttp("http://127.0.0.1:" + port);

        var response = http.postJson("/paydo", """
                {"accountNo":"1","payAmount":"42.00","txNo":"%s"}""".formatted(txNo));

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.header("Retry-After")).isEqualTo("5");
        assertThat(response.json().getString("detail")).contains(txNo, "half message", "nothing was written");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM account_pay WHERE tx_no = ?", Integer.class, txNo))
                .isZero();
        assertThat(http.get("/payresult/" + txNo).status()).isEqualTo(404);
    }
}

package org.besteffort.pay;

import org.besteffort.local.infra.FreePorts;
import org.besteffort.local.infra.TestHttp;
import org.besteffort.local.infra.TestInfrastructure;
import org.besteffort.local.infra.TestJournal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * The notification cannot be sent (no broker answers): the pay stays committed and queryable, for reconciliation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "rocketmq.producer.send-message-timeout=1000",
        "rocketmq.producer.retry-times-when-send-failed=0"})
class PayWithBrokerUnreachableIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        var infra = TestInfrastructure.shared();
        registry.add("spring.datasource.url", () -> infra.database().jdbcUrl("bank1_pay"));
        // A name server address where nothing listens: every send fails.
        registry.add("rocketmq.name-server", () -> "127.0.0.1:" + FreePorts.any());
    }

    @Test
    void keepsTheCommittedPayWhenTheNotificationCannotBeSent() {
        String txNo = "it-" + UUID.randomUUID();
        var http = new TestHttp("http://127.0.0.1:" + port);

        var response = http.postJson("/paydo", """
                {"accountNo":"1","payAmount":"42.00","txNo":"%s"}""".formatted(txNo));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().getString("result")).isEqualTo("SUCCESS");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM account_pay WHERE tx_no = ?", Integer.class, txNo))
                .isEqualTo(1);
        assertThat(http.get("/payresult/" + txNo).status()).isEqualTo(200);
        // The notifier ran in the request's thread after commit: the failed send is journaled by now.
        assertThat(new TestJournal(http).of(txNo))
                .extracting(entry -> entry.step(), entry -> entry.outcome())
                .containsExactly(tuple("RECORDED", "SUCCESS"), tuple("SEND_FAILED", "FAILED"), tuple("QUERIED", "FOUND"));
    }
}

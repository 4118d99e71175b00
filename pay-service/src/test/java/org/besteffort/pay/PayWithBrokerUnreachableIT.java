package org.besteffort.pay;

import org.besteffort.local.infra.TestJournal;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * The notification cannot be sent (no broker answers): the pay stays committed and queryable, for reconciliation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "rocketmq.producer.send-message-timeout=1000",
        "rocketmq.producer.retry-times-when-send-failed=0"})
class PayWithBrokerUnreachableIT extends BrokerUnreachableITSupport {

    @Test
    void keepsTheCommittedPayWhenTheNotificationCannotBeSent() {
        String txNo = "it-" + UUID.randomUUID();
        var http = http();

        var response = http.postJson("/paydo", """
                {"accountNo":"1","payAmount":"42.00","txNo":"%s"}""".formatted(txNo));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().getString("result")).isEqualTo("SUCCESS");
        assertThat(paysRecorded(txNo)).isEqualTo(1);
        assertThat(http.get("/payresult/" + txNo).status()).isEqualTo(200);
        // The notifier ran in the request's thread after commit: the failed send is journaled by now.
        assertThat(new TestJournal(http.withBearer("it-operator-token")).of(txNo))
                .extracting(entry -> entry.step(), entry -> entry.outcome())
                .containsExactly(tuple("RECORDED", "SUCCESS"), tuple("SEND_FAILED", "FAILED"), tuple("QUERIED", "FOUND"));
    }
}

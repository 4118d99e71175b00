package org.besteffort.pay.notifier.transactional;

import org.besteffort.pay.BrokerUnreachableITSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

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
class TransactionalPayWithBrokerUnreachableIT extends BrokerUnreachableITSupport {

    @Test
    void refusesThePayWith503AndWritesNothingWhenTheHalfMessageCannotBeStored() {
        String txNo = "half-" + UUID.randomUUID();
        var http = http();

        var response = http.postJson("/paydo", """
                {"accountNo":"1","payAmount":"42.00","txNo":"%s"}""".formatted(txNo));

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.header("Retry-After")).isEqualTo("5");
        assertThat(response.json().getString("detail")).contains(txNo, "half message", "nothing was written");
        assertThat(paysRecorded(txNo)).isZero();
        assertThat(http.get("/payresult/" + txNo).status()).isEqualTo(404);
    }
}

package org.besteffort.notify.dispatch;

import org.besteffort.notify.NotifyGatewayITSupport;
import org.besteffort.notify.TestMerchant.Received;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A dead endpoint fills only its own request slots: a healthy endpoint's deliveries go on at their normal pace.
 */
class EndpointIsolationIT extends NotifyGatewayITSupport {

    private static final Logger log = LoggerFactory.getLogger(EndpointIsolationIT.class);

    @Test
    void aDeadEndpointDoesNotDelayAHealthyOne() {
        // Normal pace first: the healthy endpoint alone.
        long alone = pacedDeliveryMillis(10);

        // Twenty pays for an endpoint that accepts connections and never answers (read timeout 1 s here).
        List<String> dead = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            var pay = pay("m1", merchant.deadUrl("/m1/dead"));
            dead.add(pay.txNo());
            announce(pay);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> dead.stream().filter(tx -> !attempts(tx).isEmpty())
                .count() >= 4);

        long besideADeadOne = pacedDeliveryMillis(10);

        log.info("healthy endpoint, worst announce-to-delivery: alone {} ms, beside a dead endpoint {} ms", alone,
                besideADeadOne);
        // The dead endpoint's attempts each take the 1 s read timeout; the healthy one must not wait behind them.
        assertThat(besideADeadOne).isLessThan(1_000);
        assertThat(dead.stream().flatMap(tx -> attempts(tx).stream()).map(a -> a.get("outcome")))
                .containsOnly("UNREACHABLE");
    }

    /** Announces pays for the healthy endpoint one by one; the worst time from announcing to the receiver's answer. */
    private long pacedDeliveryMillis(int pays) {
        long worst = 0;
        for (int i = 0; i < pays; i++) {
            var pay = pay("m1", merchant.url("/m1/healthy"));
            long announced = System.nanoTime();
            announce(pay);
            await().atMost(Duration.ofSeconds(20)).until(() -> !merchant.received(pay.txNo()).isEmpty());
            Received received = merchant.received(pay.txNo()).get(0);
            worst = Math.max(worst, (System.nanoTime() - announced) / 1_000_000);
            assertThat(received.verified()).isTrue();
        }
        return worst;
    }
}

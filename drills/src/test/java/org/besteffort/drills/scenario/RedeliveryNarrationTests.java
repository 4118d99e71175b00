package org.besteffort.drills.scenario;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.besteffort.drills.scenario.RechargeFixtures.settled;
import static org.besteffort.drills.scenario.RechargeView.Origin.ANNOUNCED;
import static org.besteffort.drills.scenario.RechargeView.SettledBy.MESSAGE;

class RedeliveryNarrationTests {

    private final RedeliveryNarration narration = new RedeliveryNarration(2);

    @Test
    void tellsEachFailedDeliveryWithTheBrokersWaitSinceTheOneBefore() {
        RedeliveryNarration.Sight first = sight(Optional.empty(), 1, 40);
        RedeliveryNarration.Sight second = sight(Optional.empty(), 0, 10_090);
        RedeliveryNarration.Sight settledSight = sight(Optional.of(settled(MESSAGE, 3, ANNOUNCED, 0)), 0, 40_310);

        assertThat(narration.changes(null, first)).containsExactly(
                "delivery 1 failed (failNextDeliveries 2 -> 1): the broker will redeliver it",
                "GET /recharges/{txNo}: 404, account-service has not heard of this pay");
        assertThat(narration.changes(first, first)).isEmpty();
        assertThat(narration.changes(first, second)).containsExactly(
                "delivery 2 failed, 10.1 s after delivery 1 (failNextDeliveries 1 -> 0): the broker will redeliver it");
        assertThat(narration.changes(second, settledSight))
                .containsExactly("SETTLED by MESSAGE on delivery 3 (origin ANNOUNCED)");
        assertThat(narration.failedAt()).containsExactly(Duration.ofMillis(40), Duration.ofMillis(10_090));
    }

    @Test
    void tellsTwoFailuresSeenInOnePollAsTwoDeliveries() {
        assertThat(narration.changes(null, sight(Optional.empty(), 0, 12_000))).startsWith(
                "delivery 1 failed (failNextDeliveries 2 -> 1): the broker will redeliver it",
                "delivery 2 failed, seen in the same poll as delivery 1 (failNextDeliveries 1 -> 0): the broker will "
                        + "redeliver it");
    }

    private static RedeliveryNarration.Sight sight(Optional<RechargeView> recharge, int left, long millis) {
        return new RedeliveryNarration.Sight(recharge, left, Duration.ofMillis(millis));
    }
}

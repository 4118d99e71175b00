package org.besteffort.drills.scenario;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.besteffort.drills.scenario.RechargeFixtures.pending;
import static org.besteffort.drills.scenario.RechargeFixtures.settled;
import static org.besteffort.drills.scenario.RechargeView.Origin.STARTED_HERE;
import static org.besteffort.drills.scenario.RechargeView.SettledBy.RECONCILIATION;

class OutageNarrationTests {

    private final OutageNarration narration = new OutageNarration(pending(0));

    @Test
    void tellsTheOutageTheQueriesDuringItAndTheSettlementAfterIt() {
        OutageNarration.Sight down = sight(pending(0), 503, 30);
        OutageNarration.Sight askedWhileDown = sight(pending(1), 503, 6_130);
        OutageNarration.Sight up = sight(pending(1), 200, 15_020);
        OutageNarration.Sight settledSight = sight(settled(RECONCILIATION, 2, STARTED_HERE, 2), 200, 16_240);

        assertThat(narration.changes(null, down))
                .containsExactly("GET /payresult/{txNo}: 503, pay-service cannot be asked");
        assertThat(narration.changes(down, askedWhileDown)).containsExactly(
                "reconciliation query 1 (reconciliationQueries 0 -> 1), while /payresult answers 503");
        assertThat(narration.changes(askedWhileDown, up))
                .containsExactly("GET /payresult/{txNo}: 200 again, pay-service can be asked");
        assertThat(narration.changes(up, settledSight)).containsExactly(
                "reconciliation query 2, 10.1 s after query 1 (reconciliationQueries 1 -> 2), while /payresult "
                        + "answers 200",
                "SETTLED by RECONCILIATION on query 2 (origin STARTED_HERE)");

        assertThat(narration.outageSeen()).isTrue();
        assertThat(narration.answersAgainAt()).isEqualTo(Duration.ofMillis(15_020));
        assertThat(narration.queriesDuringOutage()).isEqualTo(1);
        assertThat(narration.queriedAt()).containsExactly(Duration.ofMillis(6_130), Duration.ofMillis(16_240));
    }

    @Test
    void hasNoRecoveryToTellWhenPayresultNeverFailed() {
        narration.changes(null, sight(pending(0), 200, 30));

        assertThat(narration.outageSeen()).isFalse();
        assertThat(narration.answersAgainAt()).isNull();
    }

    private static OutageNarration.Sight sight(RechargeView recharge, int status, long millis) {
        return new OutageNarration.Sight(recharge, status, Duration.ofMillis(millis));
    }
}

package org.besteffort.drills.scenario;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.besteffort.drills.scenario.RechargeFixtures.pending;
import static org.besteffort.drills.scenario.RechargeFixtures.settled;
import static org.besteffort.drills.scenario.RechargeView.Origin.ANNOUNCED;
import static org.besteffort.drills.scenario.RechargeView.Origin.STARTED_HERE;
import static org.besteffort.drills.scenario.RechargeView.SettledBy.MESSAGE;
import static org.besteffort.drills.scenario.RechargeView.SettledBy.RECONCILIATION;
import static org.besteffort.drills.scenario.RechargeView.SettledBy.STATEMENT;

class RechargeNarrationTests {

    @Test
    void saysNothingWhileNothingChanges() {
        assertThat(RechargeNarration.changes(pending(0), pending(0))).isEmpty();
    }

    @Test
    void tellsTheDeliveryThatSettledIt() {
        assertThat(RechargeNarration.changes(pending(0), settled(MESSAGE, 3, STARTED_HERE, 0)))
                .containsExactly("SETTLED by MESSAGE on delivery 3 (origin STARTED_HERE)");
    }

    @Test
    void tellsEachQuestionOfTheReconciliationJobBeforeTheSettlementItBrought() {
        assertThat(RechargeNarration.changes(pending(0), pending(1))).containsExactly(
                "reconciliationQueries 0 -> 1: the reconciliation job asked pay-service about it");
        assertThat(RechargeNarration.changes(pending(1), settled(RECONCILIATION, 2, STARTED_HERE, 2)))
                .containsExactly("reconciliationQueries 1 -> 2: the reconciliation job asked pay-service about it",
                        "SETTLED by RECONCILIATION on query 2 (origin STARTED_HERE)");
    }

    @Test
    void tellsA404OnceForAPayAccountServiceHasNotHeardOf() {
        String unknown = "GET /recharges/{txNo}: 404, account-service has not heard of this pay";
        assertThat(RechargeNarration.changesOfAnnounced(null, Optional.empty())).containsExactly(unknown);
        assertThat(RechargeNarration.changesOfAnnounced(Optional.empty(), Optional.empty())).isEmpty();
    }

    @Test
    void tellsThePathThatBroughtAPayNothingWaitedFor() {
        assertThat(RechargeNarration.changesOfAnnounced(Optional.empty(),
                Optional.of(settled(STATEMENT, 1, ANNOUNCED, 0))))
                .containsExactly("SETTLED by STATEMENT (origin ANNOUNCED)");
    }
}

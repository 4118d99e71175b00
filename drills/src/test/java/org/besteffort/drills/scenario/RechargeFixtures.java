package org.besteffort.drills.scenario;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Recharges as account-service would show them, for narration tests.
 */
final class RechargeFixtures {

    static final Instant CREATED = Instant.parse("2026-11-21T06:29:25.236Z");

    private RechargeFixtures() {
    }

    static RechargeView pending(int queries) {
        return new RechargeView("tx-1", "1", new BigDecimal("20.00"), RechargeView.Status.PENDING, null, null,
                RechargeView.Origin.STARTED_HERE, queries, CREATED, CREATED);
    }

    static RechargeView settled(RechargeView.SettledBy path, int attempt, RechargeView.Origin origin, int queries) {
        return new RechargeView("tx-1", "1", new BigDecimal("20.00"), RechargeView.Status.SETTLED, path, attempt,
                origin, queries, CREATED, CREATED.plusMillis(6_120));
    }
}

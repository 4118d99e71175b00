package org.besteffort.drills.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Tells in words how a recharge changed between two looks at {@code GET /recharges/{txNo}}.
 */
final class RechargeNarration {

    private RechargeNarration() {
    }

    /** For a recharge account-service started; {@code before} is null when nothing was told about it yet. */
    static List<String> changes(RechargeView before, RechargeView now) {
        List<String> lines = new ArrayList<>(queries(before, now));
        lines.addAll(status(before, now));
        return lines;
    }

    /**
     * For a pay made directly at pay-service, which account-service knows only once a path brought it; empty
     * stands for its 404. {@code before} is null on the first look.
     */
    static List<String> changesOfAnnounced(Optional<RechargeView> before, Optional<RechargeView> now) {
        if (now.isEmpty()) {
            return before == null || before.isPresent()
                    ? List.of("GET /recharges/{txNo}: 404, account-service has not heard of this pay")
                    : List.of();
        }
        return changes(before == null ? null : before.orElse(null), now.get());
    }

    /** A line when reconciliation has asked pay-service about it since the last look. */
    static List<String> queries(RechargeView before, RechargeView now) {
        int was = before == null ? 0 : before.reconciliationQueries();
        if (now.reconciliationQueries() <= was) {
            return List.of();
        }
        return List.of("reconciliationQueries " + was + " -> " + now.reconciliationQueries()
                + ": the reconciliation job asked pay-service about it");
    }

    /** A line when its status or the path that settled it changed since the last look. */
    static List<String> status(RechargeView before, RechargeView now) {
        if (before != null && before.status() == now.status() && before.settledBy() == now.settledBy()) {
            return List.of();
        }
        return List.of(switch (now.status()) {
            case PENDING -> "PENDING: account-service waits for the result";
            case SETTLED -> "SETTLED by " + now.path() + " (origin " + now.origin() + ")";
            case FAILED -> "FAILED: pay-service says the pay failed, nothing credited";
            case EXPIRED -> "EXPIRED: pay-service never recorded the pay, nothing credited";
        });
    }
}

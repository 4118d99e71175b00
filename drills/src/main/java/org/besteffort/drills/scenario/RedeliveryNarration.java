package org.besteffort.drills.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Tells the story of a pay whose first deliveries fail on purpose: each failed delivery (seen as account-service's
 * {@code failNextDeliveries} switch counting down) with the wait since the one before, then what settled the pay.
 */
class RedeliveryNarration implements Watch.Narration<RedeliveryNarration.Sight> {

    private final List<Duration> failedAt = new ArrayList<>();
    private int left;

    /** @param failing the value {@code failNextDeliveries} was set to */
    RedeliveryNarration(int failing) {
        this.left = failing;
    }

    @Override
    public List<String> changes(Sight before, Sight now) {
        List<String> lines = new ArrayList<>();
        for (; left > now.failNextLeft(); left--) {
            int delivery = failedAt.size() + 1;
            String since = failedAt.isEmpty() ? "" : lastFailure().equals(now.seenAt())
                    ? ", seen in the same poll as delivery " + (delivery - 1)
                    : ", " + Timeline.human(now.seenAt().minus(lastFailure())) + " after delivery " + (delivery - 1);
            failedAt.add(now.seenAt());
            lines.add("delivery " + delivery + " failed" + since + " (failNextDeliveries " + left + " -> "
                    + (left - 1) + "): the broker will redeliver it");
        }
        lines.addAll(RechargeNarration.changesOfAnnounced(before == null ? null : before.recharge(), now.recharge()));
        return lines;
    }

    /** When each failed delivery was seen, in order. */
    List<Duration> failedAt() {
        return List.copyOf(failedAt);
    }

    private Duration lastFailure() {
        return failedAt.get(failedAt.size() - 1);
    }

    /**
     * One poll: the recharge as account-service shows it (empty while 404) and what is left of the fail switch.
     */
    record Sight(Optional<RechargeView> recharge, int failNextLeft, Duration seenAt) {
    }
}

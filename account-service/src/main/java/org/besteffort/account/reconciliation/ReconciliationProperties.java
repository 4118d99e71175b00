package org.besteffort.account.reconciliation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the reconciliation job paces itself.
 *
 * @param interval   pause between two rounds
 * @param grace      a recharge younger than this is left to its notification
 * @param batchSize  recharges claimed per round
 * @param deadline   a recharge pay-service still does not know this long after it started is EXPIRED
 * @param lease      how long a claimed recharge is held by the instance that claimed it
 * @param maxBackoff the longest wait between two questions about one recharge, and between rounds while
 *                   pay-service is unreachable
 */
@ConfigurationProperties("reconciliation")
record ReconciliationProperties(@DefaultValue("30s") Duration interval,
                                @DefaultValue("60s") Duration grace,
                                @DefaultValue("100") int batchSize,
                                @DefaultValue("30m") Duration deadline,
                                @DefaultValue("60s") Duration lease,
                                @DefaultValue("5m") Duration maxBackoff) {

    /** Doubling waits, from {@code base} up to {@link #maxBackoff}. */
    Duration backoff(Duration base, int failures) {
        Duration wait = base.multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 20));
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}

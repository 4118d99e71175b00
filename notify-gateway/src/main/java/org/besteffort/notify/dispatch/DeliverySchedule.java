package org.besteffort.notify.dispatch;

import org.besteffort.notify.receiver.Receiver;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When the next attempt of a task goes: after the receiver's gap for the attempts made so far, give or take the
 * jitter, and never before the receiver's Retry-After.
 */
final class DeliverySchedule {

    private final double jitter;

    private final RandomGenerator random;

    DeliverySchedule(double jitter, RandomGenerator random) {
        this.jitter = jitter;
        this.random = random;
    }

    /**
     * The time of the next attempt, or empty when the schedule is exhausted.
     *
     * @param attemptsMade attempts made so far, the failed one included
     * @param retryAfter   what the receiver asked for, or null
     */
    Optional<Instant> next(Receiver receiver, int attemptsMade, Duration retryAfter, Instant now) {
        if (attemptsMade >= receiver.maxAttempts()) {
            return Optional.empty();
        }
        Duration gap = receiver.schedule().get(attemptsMade - 1);
        double factor = 1 + jitter * (2 * random.nextDouble() - 1);
        Duration jittered = Duration.ofMillis(Math.round(gap.toMillis() * factor));
        if (retryAfter != null && retryAfter.compareTo(jittered) > 0) {
            jittered = retryAfter;
        }
        return Optional.of(now.plus(jittered));
    }
}

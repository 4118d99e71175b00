package org.besteffort.pay.ops;

import org.besteffort.pay.notifier.NotificationFaults;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The notifier's fault switches: lose notifications, send them twice, make {@code /payresult} unavailable.
 * Set at start by {@code faults.*} properties and at run time by {@code POST /ops/faults}. Local profile only.
 */
@Component
@Profile("local")
class NotifierFaults implements NotificationFaults {

    private static final Logger log = LoggerFactory.getLogger(NotifierFaults.class);

    private final Clock clock;
    private final AtomicInteger dropNext = new AtomicInteger();
    private volatile double dropFraction;
    private volatile double duplicateFraction;
    private volatile Instant payresultUnavailableUntil = Instant.EPOCH;

    NotifierFaults(Clock clock,
                   @Value("${faults.drop-next-notifications:0}") int dropNext,
                   @Value("${faults.drop-fraction:0}") double dropFraction,
                   @Value("${faults.duplicate-fraction:0}") double duplicateFraction,
                   @Value("${faults.payresult-unavailable-for:0s}") Duration payresultUnavailableFor) {
        this.clock = clock;
        change(new Change(dropNext, dropFraction, duplicateFraction, payresultUnavailableFor));
    }

    @Override
    public boolean dropNotification(String txNo) {
        return dropNext.getAndUpdate(left -> Math.max(0, left - 1)) > 0 || chance(dropFraction);
    }

    @Override
    public boolean duplicateNotification(String txNo) {
        return chance(duplicateFraction);
    }

    /** Whether {@code /payresult} should answer 503 now. */
    boolean payresultUnavailable() {
        return clock.instant().isBefore(payresultUnavailableUntil);
    }

    /** Applies the switches that are set in {@code change}; the others keep their value. */
    synchronized State change(Change change) {
        if (change.dropNextNotifications() != null) {
            dropNext.set(Math.max(0, change.dropNextNotifications()));
        }
        if (change.dropFraction() != null) {
            dropFraction = fraction(change.dropFraction());
        }
        if (change.duplicateFraction() != null) {
            duplicateFraction = fraction(change.duplicateFraction());
        }
        if (change.payresultUnavailableFor() != null) {
            payresultUnavailableUntil = clock.instant().plus(change.payresultUnavailableFor());
        }
        State state = state();
        if (!state.equals(State.NONE)) {
            log.warn("fault switches now: {}", state);
        }
        return state;
    }

    State state() {
        Instant until = payresultUnavailable() ? payresultUnavailableUntil : null;
        return new State(dropNext.get(), dropFraction, duplicateFraction, until);
    }

    private static boolean chance(double fraction) {
        return fraction > 0 && ThreadLocalRandom.current().nextDouble() < fraction;
    }

    private static double fraction(double value) {
        if (value < 0 || value > 1) {
            throw new IllegalArgumentException("a fraction must be between 0 and 1, not " + value);
        }
        return value;
    }

    /** A change of switches; null leaves a switch as it is. */
    record Change(Integer dropNextNotifications, Double dropFraction, Double duplicateFraction,
                  Duration payresultUnavailableFor) {
    }

    /** The switches as they stand. */
    record State(int dropNextNotifications, double dropFraction, double duplicateFraction,
                 Instant payresultUnavailableUntil) {

        static final State NONE = new State(0, 0, 0, null);
    }
}

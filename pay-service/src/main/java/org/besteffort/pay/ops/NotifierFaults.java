package org.besteffort.pay.ops;

import org.besteffort.pay.notifier.CrashPoint;
import org.besteffort.pay.notifier.NotificationFaults;
import org.besteffort.pay.notifier.NotifierProperties;
import org.besteffort.pay.notifier.SendMode;
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
 * The notifier's fault switches: lose notifications, send them twice, make {@code /payresult} unavailable, halt the
 * process at a crash point.
 * Set at start by {@code faults.*} properties and at run time by {@code POST /ops/faults}. Local profile only.
 */
@Component
@Profile("local")
class NotifierFaults implements NotificationFaults {

    /** The longest /payresult outage a switch may start: a drill's, not one that outlives the trainee's session. */
    static final Duration LONGEST_OUTAGE = Duration.ofMinutes(10);

    private static final Logger log = LoggerFactory.getLogger(NotifierFaults.class);

    private final Clock clock;
    private final SendMode sendMode;
    private volatile CrashPoint crashAt;
    private final AtomicInteger dropNext = new AtomicInteger();
    private volatile double dropFraction;
    private volatile double duplicateFraction;
    private volatile Instant payresultUnavailableUntil = Instant.EPOCH;

    NotifierFaults(Clock clock, NotifierProperties notifier,
                   @Value("${faults.drop-next-notifications:0}") int dropNext,
                   @Value("${faults.drop-fraction:0}") double dropFraction,
                   @Value("${faults.duplicate-fraction:0}") double duplicateFraction,
                   @Value("${faults.payresult-unavailable-for:0s}") Duration payresultUnavailableFor) {
        this.clock = clock;
        this.sendMode = notifier.sendMode();
        change(new Change(dropNext, dropFraction, duplicateFraction, payresultUnavailableFor, null));
    }

    @Override
    public boolean dropNotification(String txNo) {
        return dropNext.getAndUpdate(left -> Math.max(0, left - 1)) > 0 || chance(dropFraction);
    }

    @Override
    public boolean duplicateNotification(String txNo) {
        return chance(duplicateFraction);
    }

    /**
     * Halts the process, as a power cut would, the first time a pay reaches the armed crash point: no shutdown hook
     * runs, nothing is flushed, the database rolls back what was open.
     */
    @Override
    public void reached(CrashPoint point, String txNo) {
        if (point == crashAt) {
            // Straight to the console: a logger's buffer would die with the process.
            System.err.printf("CRASH POINT %s reached by pay %s: halting pay-service now (fault switch)%n", point,
                    txNo);
            System.err.flush();
            Runtime.getRuntime().halt(137);
        }
    }

    /** Whether {@code /payresult} should answer 503 now. */
    boolean payresultUnavailable() {
        return clock.instant().isBefore(payresultUnavailableUntil);
    }

    /** Applies the switches that are set in {@code change}; the others keep their value. */
    synchronized State change(Change change) {
        Duration outage = change.payresultUnavailableFor();
        if (outage != null && (outage.isNegative() || outage.compareTo(LONGEST_OUTAGE) > 0)) {
            throw new IllegalArgumentException("payresultUnavailableFor must be between 0s and " + LONGEST_OUTAGE
                    + ", not " + outage);
        }
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
        if (change.crashAt() != null) {
            if (change.crashAt().mode() != sendMode) {
                throw new IllegalArgumentException("crash point " + change.crashAt() + " is passed only with "
                        + "notifier.send-mode " + name(change.crashAt().mode()) + "; this pay-service runs "
                        + name(sendMode));
            }
            crashAt = change.crashAt();
        }
        State state = state();
        if (state.anySet()) {
            log.warn("fault switches now: {}", state);
        }
        return state;
    }

    State state() {
        Instant until = payresultUnavailable() ? payresultUnavailableUntil : null;
        return new State(dropNext.get(), dropFraction, duplicateFraction, until, name(sendMode), crashAt);
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

    private static String name(SendMode mode) {
        return mode.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /**
     * A change of switches; null leaves a switch as it is.
     *
     * @param crashAt arms a crash: the next pay that reaches this point halts the process
     */
    record Change(Integer dropNextNotifications, Double dropFraction, Double duplicateFraction,
                  Duration payresultUnavailableFor, CrashPoint crashAt) {
    }

    /**
     * The switches as they stand.
     *
     * @param sendMode the notifier's {@code notifier.send-mode}, which decides the crash points a pay can reach
     * @param crashAt  the armed crash point, null when none is
     */
    record State(int dropNextNotifications, double dropFraction, double duplicateFraction,
                 Instant payresultUnavailableUntil, String sendMode, CrashPoint crashAt) {

        boolean anySet() {
            return dropNextNotifications > 0 || dropFraction > 0 || duplicateFraction > 0
                    || payresultUnavailableUntil != null || crashAt != null;
        }
    }
}

package org.besteffort.account.ops;

import org.besteffort.account.receiver.DeliveryFaults;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The receiver's fault switches: fail the next N deliveries or a fraction of them, slow every delivery down.
 * Set at start by {@code faults.*} properties and at run time by {@code POST /ops/faults}. Local profile only.
 */
@Profile("local")
@RestController
@RequestMapping("/ops/faults")
class ReceiverFaultSwitch implements DeliveryFaults {

    private static final Logger log = LoggerFactory.getLogger(ReceiverFaultSwitch.class);

    private final AtomicInteger failNext = new AtomicInteger();
    private volatile double failFraction;
    private volatile Duration slowBy = Duration.ZERO;

    ReceiverFaultSwitch(@Value("${faults.fail-next-deliveries:0}") int failNext,
                        @Value("${faults.fail-fraction:0}") double failFraction,
                        @Value("${faults.slow-deliveries-by:0ms}") Duration slowBy) {
        change(new Change(failNext, failFraction, slowBy));
    }

    @Override
    public void beforeApply(String txNo, int reconsumeTimes) {
        if (!slowBy.isZero()) {
            slowDown();
        }
        boolean fail = failNext.getAndUpdate(left -> Math.max(0, left - 1)) > 0
                || (failFraction > 0 && ThreadLocalRandom.current().nextDouble() < failFraction);
        if (fail) {
            log.warn("delivery {} of pay {} failed by a fault switch: the broker will redeliver it",
                    reconsumeTimes + 1, txNo);
            throw new InjectedDeliveryFailure(txNo);
        }
    }

    @GetMapping
    State show() {
        return new State(failNext.get(), failFraction, slowBy);
    }

    /** Partial: {@code {"failFraction":0.2}} changes that switch only; {@code "slowDeliveriesBy":"200ms"}. */
    @PostMapping
    synchronized State change(@RequestBody Change change) {
        if (change.failNextDeliveries() != null) {
            failNext.set(Math.max(0, change.failNextDeliveries()));
        }
        if (change.failFraction() != null) {
            if (change.failFraction() < 0 || change.failFraction() > 1) {
                throw new IllegalArgumentException("failFraction must be between 0 and 1");
            }
            failFraction = change.failFraction();
        }
        if (change.slowDeliveriesBy() != null) {
            slowBy = change.slowDeliveriesBy();
        }
        State state = show();
        if (!state.equals(State.NONE)) {
            log.warn("fault switches now: {}", state);
        }
        return state;
    }

    @ExceptionHandler
    ProblemDetail badSwitch(IllegalArgumentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    private void slowDown() {
        try {
            // The fault itself is the delay: a slow consumer, as under load or a slow database.
            Thread.sleep(slowBy.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A change of switches; null leaves a switch as it is. */
    record Change(Integer failNextDeliveries, Double failFraction, Duration slowDeliveriesBy) {
    }

    /** The switches as they stand. */
    record State(int failNextDeliveries, double failFraction, Duration slowDeliveriesBy) {

        static final State NONE = new State(0, 0, Duration.ZERO);
    }

    /** The failure a fault switch injects. */
    static class InjectedDeliveryFailure extends RuntimeException {

        InjectedDeliveryFailure(String txNo) {
            super("delivery of " + txNo + " failed on purpose");
        }
    }
}

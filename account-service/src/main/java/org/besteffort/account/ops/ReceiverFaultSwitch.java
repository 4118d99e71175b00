package org.besteffort.account.ops;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.besteffort.account.notify.NotifyFaults;
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
 * The receiver's fault switches: fail the next N message deliveries or a fraction of them, slow every delivery down,
 * answer the next N notifies or a fraction of them 503 as a receiver that is down. Set at start by {@code faults.*}
 * properties and at run time by {@code POST /ops/faults}. Local profile only.
 */
@Profile("local")
@RestController
@RequestMapping("/ops/faults")
class ReceiverFaultSwitch implements DeliveryFaults, NotifyFaults {

    /** The longest a switch may hold each delivery: longer, and eight threads would stall the consumer for minutes. */
    static final Duration LONGEST_DELAY = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(ReceiverFaultSwitch.class);

    private final AtomicInteger failNext = new AtomicInteger();
    private volatile double failFraction;
    private volatile Duration slowBy = Duration.ZERO;
    private final AtomicInteger failNextNotifies = new AtomicInteger();
    private volatile double notifyFailFraction;

    ReceiverFaultSwitch(@Value("${faults.fail-next-deliveries:0}") int failNext,
                        @Value("${faults.fail-fraction:0}") double failFraction,
                        @Value("${faults.slow-deliveries-by:0ms}") Duration slowBy,
                        @Value("${faults.fail-next-notifies:0}") int failNextNotifies,
                        @Value("${faults.notify-fail-fraction:0}") double notifyFailFraction) {
        change(new Change(failNext, failFraction, slowBy, failNextNotifies, notifyFailFraction));
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

    @Override
    public boolean answerDown(String webhookId, int attempt) {
        boolean down = failNextNotifies.getAndUpdate(left -> Math.max(0, left - 1)) > 0
                || (notifyFailFraction > 0 && ThreadLocalRandom.current().nextDouble() < notifyFailFraction);
        if (down) {
            log.warn("notify {} (attempt {}) answered 503 by a fault switch: the gateway will try again later",
                    webhookId, attempt);
        }
        return down;
    }

    @Operation(summary = "The receiver's fault switches as they stand (local profile only)")
    @GetMapping
    State show() {
        return new State(failNext.get(), failFraction, slowBy, failNextNotifies.get(), notifyFailFraction);
    }

    @Operation(summary = "Break the receiver on purpose (local profile only)",
            description = "Partial: only the switches named change. Fail the next deliveries or a fraction of them "
                    + "(the broker redelivers), slow every delivery, answer the next notifies 503 (the gateway retries).")
    @ApiResponse(responseCode = "200", description = "The switches as they now stand")
    @ApiResponse(responseCode = "400", description = "A fraction outside 0..1, or a delay outside 0..30s: no switch "
            + "changed", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class),
            examples = @ExampleObject(name = "bad fraction", value = """
                    {"type":"about:blank","title":"Bad Request","status":400,
                     "detail":"failFraction must be between 0 and 1","instance":"/ops/faults"}""")))
    /** Partial: {@code {"failFraction":0.2}} changes that switch only; {@code "slowDeliveriesBy":"PT0.2S"}. */
    @PostMapping
    synchronized State change(@RequestBody Change change) {
        // Checked before anything changes: a refused change leaves every switch as it was.
        requireFraction("failFraction", change.failFraction());
        requireFraction("notifyFailFraction", change.notifyFailFraction());
        Duration slow = change.slowDeliveriesBy();
        if (slow != null && (slow.isNegative() || slow.compareTo(LONGEST_DELAY) > 0)) {
            throw new IllegalArgumentException("slowDeliveriesBy must be between 0s and " + LONGEST_DELAY + ", not "
                    + slow);
        }
        if (change.failNextDeliveries() != null) {
            failNext.set(Math.max(0, change.failNextDeliveries()));
        }
        if (change.failFraction() != null) {
            failFraction = change.failFraction();
        }
        if (change.slowDeliveriesBy() != null) {
            slowBy = change.slowDeliveriesBy();
        }
        if (change.failNextNotifies() != null) {
            failNextNotifies.set(Math.max(0, change.failNextNotifies()));
        }
        if (change.notifyFailFraction() != null) {
            notifyFailFraction = change.notifyFailFraction();
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

    private static void requireFraction(String name, Double fraction) {
        if (fraction != null && (fraction < 0 || fraction > 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1");
        }
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
    record Change(Integer failNextDeliveries, Double failFraction, Duration slowDeliveriesBy,
                  Integer failNextNotifies, Double notifyFailFraction) {
    }

    /** The switches as they stand. */
    record State(int failNextDeliveries, double failFraction, Duration slowDeliveriesBy, int failNextNotifies,
                 double notifyFailFraction) {

        static final State NONE = new State(0, 0, Duration.ZERO, 0, 0);
    }

    /** The failure a fault switch injects. */
    static class InjectedDeliveryFailure extends RuntimeException {

        InjectedDeliveryFailure(String txNo) {
            super("delivery of " + txNo + " failed on purpose");
        }
    }
}

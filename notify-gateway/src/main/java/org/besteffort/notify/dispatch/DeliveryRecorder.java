package org.besteffort.notify.dispatch;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.besteffort.common.journal.JournalStep;
import org.besteffort.notify.journal.CommittedJournal;
import org.besteffort.notify.receiver.Receiver;
import org.besteffort.notify.task.AttemptOutcome;
import org.besteffort.notify.task.NotifyAttempt;
import org.besteffort.notify.task.NotifyAttemptMapper;
import org.besteffort.notify.task.NotifyEndpoint;
import org.besteffort.notify.task.NotifyEndpointMapper;
import org.besteffort.notify.task.NotifyTask;
import org.besteffort.notify.task.NotifyTaskMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Random;

/**
 * Records how an attempt ended, in one local transaction: the attempt in the log, the task done, rescheduled or
 * FAILED, and the endpoint healthy, failing, paused or disabled.
 */
@Component
class DeliveryRecorder {

    private static final Logger log = LoggerFactory.getLogger(DeliveryRecorder.class);

    private final NotifyTaskMapper tasks;
    private final NotifyAttemptMapper attempts;
    private final NotifyEndpointMapper endpoints;
    private final DeliverySchedule schedule;
    private final MeterRegistry meters;
    private final CommittedJournal journal;
    private final Clock clock;

    DeliveryRecorder(NotifyTaskMapper tasks, NotifyAttemptMapper attempts, NotifyEndpointMapper endpoints,
                     DispatchProperties properties, MeterRegistry meters, CommittedJournal journal, Clock clock) {
        this.tasks = tasks;
        this.attempts = attempts;
        this.endpoints = endpoints;
        this.schedule = new DeliverySchedule(properties.jitter(), new Random());
        this.meters = meters;
        this.journal = journal;
        this.clock = clock;
    }

    @Transactional
    public void record(NotifyTask task, NotifyEndpoint endpoint, Receiver receiver, int attemptNo, Instant startedAt,
                       DeliveryResult result) {
        try (var ignored = MDC.putCloseable("txNo", task.txNo())) {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            attempts.insert(new NotifyAttempt(0, task.id(), attemptNo, startedAt.truncatedTo(ChronoUnit.MILLIS),
                    result.latencyMs(), result.httpStatus(), result.outcome(), result.excerpt(),
                    truncate(result.error())));
            journal.append(task.txNo(), JournalStep.ATTEMPT, attemptNo, result.outcome().name(), null, null,
                    describe(result));
            count(receiver, result);
            boolean current = switch (result.outcome()) {
                case ACKED -> acknowledged(task, endpoint, result, now);
                case GONE -> gone(task, endpoint, result, now);
                case THROTTLED, REFUSED, UNREACHABLE -> failed(task, endpoint, receiver, attemptNo, result, now);
            };
            if (!current) {
                // An operator reset it, or the lease ran out and another delivery owns it now: that one decides.
                log.info("pay {} attempt {} to {} ended {} after its lease was taken over: not recorded on the task",
                        task.txNo(), attemptNo, receiver.id(), result.outcome());
            }
        }
    }

    private boolean acknowledged(NotifyTask task, NotifyEndpoint endpoint, DeliveryResult result, Instant now) {
        boolean current = tasks.markSucceeded(task.id(), task.claimToken(), result.httpStatus(), now) == 1;
        // Read before writing: every delivery to an endpoint shares its row, and a healthy one needs no write (and no
        // row lock held until commit by each of them).
        if (endpoints.findById(endpoint.id()).map(NotifyEndpoint::failingSince).isPresent()) {
            endpoints.markHealthy(endpoint.id(), now);
        }
        if (current) {
            log.info("pay {} notified to {}: acknowledged on attempt {} in {} ms", task.txNo(), task.receiverId(),
                    task.attempts() + 1, result.latencyMs());
            // From the pay's commit at the notifier to the receiver's "success": what scheme 2 costs.
            Timer.builder("notify.gateway.acked.latency").tag("receiver", task.receiverId())
                    .publishPercentileHistogram().register(meters)
                    .record(Duration.between(task.paidAt(), now));
        }
        return current;
    }

    /** 410: the receiver says this URL is gone. Stop calling it; the task waits, its attempts are not burnt. */
    private boolean gone(NotifyTask task, NotifyEndpoint endpoint, DeliveryResult result, Instant now) {
        if (endpoints.disable(endpoint.id(), "410 Gone from the receiver", now) == 1) {
            log.warn("endpoint {} of {} disabled: it answered 410 Gone; its tasks wait for an operator",
                    endpoint.notifyUrl(), endpoint.receiverId());
            journalDisabled(endpoint, "it answered 410 Gone");
        }
        return tasks.reschedule(task.id(), task.claimToken(), 0, now, result.httpStatus(), result.error(), now) == 1;
    }

    private boolean failed(NotifyTask task, NotifyEndpoint endpoint, Receiver receiver, int attemptNo,
                           DeliveryResult result, Instant now) {
        // Read first, as above: an endpoint already failing needs no write until it is disabled.
        NotifyEndpoint state = endpoints.findById(endpoint.id()).orElseThrow();
        if (state.failingSince() == null) {
            endpoints.markFailing(endpoint.id(), now);
        } else if (!state.failingSince().plus(receiver.disableAfter()).isAfter(now)
                && endpoints.disable(endpoint.id(), "failing since " + state.failingSince(), now) == 1) {
            log.warn("endpoint {} of {} disabled: failing since {}; its tasks wait for an operator",
                    endpoint.notifyUrl(), endpoint.receiverId(), state.failingSince());
            journalDisabled(endpoint, "failing since " + state.failingSince());
        }
        if (result.retryAfter() != null) {
            // Back-pressure: nothing goes to this endpoint before then, not just this task.
            endpoints.pause(endpoint.id(), now.plus(result.retryAfter()), now);
        }
        Optional<Instant> next = schedule.next(receiver, attemptNo, result.retryAfter(), now);
        if (next.isEmpty()) {
            boolean current = tasks.markFailed(task.id(), task.claimToken(), result.httpStatus(), result.error(),
                    now) == 1;
            if (current) {
                log.warn("pay {} not acknowledged by {} after {} attempts: FAILED ({}); an operator may re-notify it",
                        task.txNo(), receiver.id(), attemptNo, result.error());
                journal.append(task.txNo(), JournalStep.TASK_FAILED, attemptNo, "FAILED", null, null,
                        "not acknowledged by " + receiver.id() + " after " + attemptNo
                                + " attempts; an operator may re-notify it");
            }
            return current;
        }
        boolean current = tasks.reschedule(task.id(), task.claimToken(), 1, next.get(), result.httpStatus(),
                result.error(), now) == 1;
        if (current) {
            log.info("pay {} attempt {} to {}: {} ({}); next attempt in {} ms", task.txNo(), attemptNo, receiver.id(),
                    result.outcome(), result.error(), Duration.between(now, next.get()).toMillis());
        }
        return current;
    }

    private void journalDisabled(NotifyEndpoint endpoint, String why) {
        journal.append(null, JournalStep.ENDPOINT_DISABLED, "DISABLED", "endpoint " + endpoint.id() + " of "
                + endpoint.receiverId() + " at " + endpoint.notifyUrl() + " disabled: " + why);
    }

    /** {@code HTTP 200 in 12 ms}, or why no answer came. */
    private static String describe(DeliveryResult result) {
        if (result.httpStatus() == null) {
            return result.error() + " after " + result.latencyMs() + " ms";
        }
        return "HTTP " + result.httpStatus() + " in " + result.latencyMs() + " ms"
                + (result.error() == null ? "" : " (" + result.error() + ")");
    }

    private void count(Receiver receiver, DeliveryResult result) {
        meters.counter("notify.gateway.attempts", "receiver", receiver.id(), "outcome", result.outcome().name())
                .increment();
    }

    private static String truncate(String error) {
        return error == null || error.length() <= 255 ? error : error.substring(0, 255);
    }
}

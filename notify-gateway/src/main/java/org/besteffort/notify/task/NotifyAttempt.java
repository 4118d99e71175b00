package org.besteffort.notify.task;

import java.time.Instant;

/**
 * One HTTP attempt to deliver a task, as kept in {@code notify_attempt}.
 *
 * @param httpStatus null when no answer came (timeout, connection refused)
 * @param latencyMs  from sending the request to having the answer (or giving up)
 */
public record NotifyAttempt(long id, long taskId, int attemptNo, Instant startedAt, int latencyMs, Integer httpStatus,
                            AttemptOutcome outcome, String responseExcerpt, String error) {
}

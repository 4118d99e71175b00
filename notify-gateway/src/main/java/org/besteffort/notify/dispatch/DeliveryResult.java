package org.besteffort.notify.dispatch;

import org.besteffort.notify.task.AttemptOutcome;

import java.time.Duration;

/**
 * What one HTTP attempt got.
 *
 * @param httpStatus null when no answer came
 * @param excerpt    the start of the receiver's answer
 * @param error      why no answer came, or null
 * @param retryAfter what a 429 or 503 asked for, or null
 */
record DeliveryResult(AttemptOutcome outcome, Integer httpStatus, int latencyMs, String excerpt, String error,
                      Duration retryAfter) {

    static DeliveryResult unreachable(int latencyMs, String error) {
        return new DeliveryResult(AttemptOutcome.UNREACHABLE, null, latencyMs, null, error, null);
    }
}

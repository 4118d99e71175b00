package org.besteffort.notify.task;

/**
 * How one attempt ended.
 */
public enum AttemptOutcome {
    /** The receiver acknowledged it (its ack rule was met). */
    ACKED,
    /** The receiver answered, but not with its acknowledgement. */
    REFUSED,
    /** The receiver asked for time: 429 or 503, maybe with Retry-After. */
    THROTTLED,
    /** 410 Gone: the receiver says the endpoint no longer exists; the endpoint is disabled. */
    GONE,
    /** No answer: connection refused, timeout, or the address may not be called. */
    UNREACHABLE
}

package org.besteffort.notify.task;

/**
 * Where a notification stands.
 */
public enum NotifyTaskStatus {
    /** Owed: due at {@code next_attempt_at}, or waiting while its endpoint is disabled. */
    PENDING,
    /** The receiver acknowledged it. */
    SUCCEEDED,
    /** Every attempt of the schedule failed; kept for an operator to re-notify or recover. */
    FAILED
}

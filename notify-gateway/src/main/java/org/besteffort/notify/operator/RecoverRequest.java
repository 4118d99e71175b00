package org.besteffort.notify.operator;

import jakarta.validation.constraints.NotNull;

import java.time.Instant;

/**
 * Recover the receiver's FAILED tasks created in [since, until); until defaults to now.
 */
record RecoverRequest(@NotNull Instant since, Instant until) {
}

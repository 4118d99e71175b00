package org.besteffort.drills.scenario;

import java.time.Instant;

/**
 * A notification the gateway owes a receiver, as its operator API lists it.
 *
 * @param attempts attempts since it was created or an operator reset it
 */
record NotifyTaskView(long id, String txNo, String receiverId, String webhookId, Status status, int attempts,
                      Instant nextAttemptAt, Integer lastStatus, Instant createdAt, Instant succeededAt) {

    boolean pending() {
        return status == Status.PENDING;
    }

    /** Where a notification stands at the gateway. */
    enum Status { PENDING, SUCCEEDED, FAILED }
}

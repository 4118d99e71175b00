package org.besteffort.notify.operator;

import org.besteffort.notify.task.NotifyTask;
import org.besteffort.notify.task.NotifyTaskStatus;

import java.time.Instant;

/**
 * A task as the operator lists it.
 */
record TaskView(long id, String txNo, String receiverId, long endpointId, String webhookId, NotifyTaskStatus status,
                int attempts, Instant nextAttemptAt, Integer lastStatus, String lastError, Instant paidAt,
                Instant createdAt, Instant updatedAt, Instant succeededAt) {

    static TaskView of(NotifyTask task) {
        return new TaskView(task.id(), task.txNo(), task.receiverId(), task.endpointId(), task.webhookId(),
                task.status(), task.attempts(), task.nextAttemptAt(), task.lastStatus(), task.lastError(),
                task.paidAt(), task.createdAt(), task.updatedAt(), task.succeededAt());
    }
}

package org.besteffort.notify.task;

import java.time.Instant;

/**
 * A notification owed to a receiver, as kept in {@code notify_task}.
 *
 * @param webhookId  the Standard Webhooks {@code webhook-id}: the same on every attempt, so the receiver can tell a
 *                   repeat
 * @param payload    the JSON body, posted and signed exactly as stored
 * @param attempts   attempts made since it was created or an operator reset it
 * @param claimToken the lease of the instance delivering it now, if any
 */
public record NotifyTask(long id, String txNo, String receiverId, long endpointId, String webhookId, String payload,
                         NotifyTaskStatus status, int attempts, Instant nextAttemptAt, String claimToken,
                         Integer lastStatus, String lastError, Instant paidAt, Instant createdAt, Instant updatedAt,
                         Instant succeededAt) {

    /** The same task as held under the lease {@code token}. */
    public NotifyTask withClaimToken(String token) {
        return new NotifyTask(id, txNo, receiverId, endpointId, webhookId, payload, status, attempts, nextAttemptAt,
                token, lastStatus, lastError, paidAt, createdAt, updatedAt, succeededAt);
    }
}

package org.besteffort.notify.task;

import java.time.Instant;

/**
 * A receiver's notify URL as the gateway sees it, as kept in {@code notify_endpoint}.
 *
 * @param failingSince first failure since its last acknowledgement; null while healthy
 * @param pausedUntil  no delivery before this: the receiver asked for time (Retry-After)
 */
public record NotifyEndpoint(long id, String receiverId, String notifyUrl, EndpointStatus status,
                             String disabledReason, Instant failingSince, Instant pausedUntil, Instant updatedAt) {
}

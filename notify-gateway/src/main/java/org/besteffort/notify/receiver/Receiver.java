package org.besteffort.notify.receiver;

import java.time.Duration;
import java.util.List;

/**
 * One registered receiver, as configured under {@code gateway.receivers.<id>}.
 *
 * @param id           the receiver's id, named by each pay that wants it notified
 * @param secrets      its Standard Webhooks secrets ({@code whsec_…}); every one signs each notification, so that
 *                     during a rotation the receiver accepts whichever it already knows
 * @param notifyUrls   the only URLs it may be notified at
 * @param ack          what its answer must be to count as delivered
 * @param schedule     the gaps after each failed attempt; attempt 1 goes at once, so there are
 *                     {@code schedule.size() + 1} attempts before the task is {@code FAILED}
 * @param disableAfter an endpoint of this receiver failing for this long is disabled: its tasks wait for an operator
 *                     instead of burning their attempts
 */
public record Receiver(String id, List<String> secrets, List<String> notifyUrls, AckRule ack, List<Duration> schedule,
                       Duration disableAfter) {

    public Receiver {
        secrets = List.copyOf(secrets);
        notifyUrls = List.copyOf(notifyUrls);
        schedule = List.copyOf(schedule);
    }

    /** Whether the receiver registered this exact URL. */
    public boolean registered(String notifyUrl) {
        return notifyUrls.contains(notifyUrl);
    }

    /** How many attempts a task gets before it is {@code FAILED}. */
    public int maxAttempts() {
        return schedule.size() + 1;
    }
}

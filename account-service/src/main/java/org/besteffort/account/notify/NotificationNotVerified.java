package org.besteffort.account.notify;

/**
 * A notification whose Standard Webhooks signature or timestamp does not check out: forged, altered, replayed
 * late, or unsigned. Nothing of it is believed.
 */
public class NotificationNotVerified extends RuntimeException {

    NotificationNotVerified(String reason) {
        super("notification signature not verified: " + reason);
    }
}

package org.besteffort.pay.notifier;

/**
 * A seam for teaching faults: decides whether a notification is lost or sent twice on purpose. Only the local
 * profile has one.
 */
public interface NotificationFaults {

    /** Whether the notification of this pay should be dropped instead of sent. */
    boolean dropNotification(String txNo);

    /** Whether the notification of this pay should be sent twice. */
    boolean duplicateNotification(String txNo);
}

package org.besteffort.pay.notifier;

/**
 * A seam for teaching faults: decides whether a notification is lost or sent twice on purpose, and whether the process
 * dies at a crash point. Only the local profile has one.
 */
public interface NotificationFaults {

    /** Whether the notification of this pay should be dropped instead of sent. */
    boolean dropNotification(String txNo);

    /** Whether the notification of this pay should be sent twice. */
    boolean duplicateNotification(String txNo);

    /** Halts the process here if a crash is armed at this point; returns otherwise. */
    void reached(CrashPoint point, String txNo);
}

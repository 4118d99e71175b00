package org.besteffort.account.notify;

/**
 * A correctly signed body that is not a pay result notification this receiver can read.
 */
public class NotificationUnreadable extends RuntimeException {

    NotificationUnreadable(String reason) {
        super(reason);
    }
}

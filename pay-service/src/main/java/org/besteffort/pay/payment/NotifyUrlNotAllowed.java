package org.besteffort.pay.payment;

/**
 * A pay named a notify URL that may not be called: its receiver did not register it, or it points into a private
 * network.
 */
class NotifyUrlNotAllowed extends RuntimeException {

    private final String reason;

    NotifyUrlNotAllowed(String notifyUrl, String reason) {
        super("notifyUrl " + notifyUrl + " " + reason);
        this.reason = reason;
    }

    /** What is wrong with the field, as the problem's {@code errors} names it. */
    String reason() {
        return reason;
    }
}

package org.besteffort.pay.payment;

/**
 * The cashier was asked to send the payer back to a URL its receiver did not register: refused, never redirected to.
 */
class ReturnUrlNotAllowed extends RuntimeException {

    private final String reason;

    ReturnUrlNotAllowed(String returnUrl, String reason) {
        super("returnUrl " + returnUrl + " " + reason);
        this.reason = reason;
    }

    /** What is wrong with the field, as the problem's {@code errors} names it. */
    String reason() {
        return reason;
    }
}

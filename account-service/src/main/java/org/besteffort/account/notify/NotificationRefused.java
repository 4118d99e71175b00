package org.besteffort.account.notify;

/**
 * A genuine notification this receiver will not apply: addressed to another receiver, or about a recharge it started
 * with another account or amount. It was parked for an operator.
 */
public class NotificationRefused extends RuntimeException {

    private final String txNo;

    NotificationRefused(String txNo, String reason) {
        super(reason);
        this.txNo = txNo;
    }

    public String txNo() {
        return txNo;
    }
}

package org.besteffort.account.recharge;

/**
 * How the receiver came to know of a recharge.
 */
public enum RechargeOrigin {
    /** Started by {@code POST /recharges}: the receiver waits for its result. */
    STARTED_HERE,
    /** Paid directly at pay-service; the receiver learnt of it from the notification. */
    ANNOUNCED
}

package org.besteffort.account.recharge;

/**
 * The receiver knows of no recharge with this txNo.
 */
public class RechargeNotFound extends RuntimeException {

    public RechargeNotFound(String txNo) {
        super("no recharge with txNo " + txNo);
    }
}

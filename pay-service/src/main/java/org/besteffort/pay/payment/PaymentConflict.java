package org.besteffort.pay.payment;

/**
 * A txNo was reused for a different pay.
 */
class PaymentConflict extends RuntimeException {

    PaymentConflict(String txNo) {
        super("txNo " + txNo + " is already used by a pay with another account, amount or notify target");
    }
}

package org.besteffort.pay.payment;

/**
 * No pay was ever recorded under this txNo.
 */
class PaymentNotFound extends RuntimeException {

    PaymentNotFound(String txNo) {
        super("no pay with txNo " + txNo);
    }
}

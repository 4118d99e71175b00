package org.besteffort.pay.notifier.transactional;

import org.besteffort.pay.payment.Payment;

import java.util.function.Supplier;

/**
 * One pay's local transaction, handed through the broker's send to {@link PayTransactionListener}, and what became of
 * it.
 */
final class LocalPay {

    private final String txNo;
    private final String halfMessageId;
    private final Supplier<Payment> transaction;
    private volatile Payment recorded;
    private volatile RuntimeException failure;

    LocalPay(String txNo, String halfMessageId, Supplier<Payment> transaction) {
        this.txNo = txNo;
        this.halfMessageId = halfMessageId;
        this.transaction = transaction;
    }

    String txNo() {
        return txNo;
    }

    String halfMessageId() {
        return halfMessageId;
    }

    Supplier<Payment> transaction() {
        return transaction;
    }

    Payment recorded() {
        return recorded;
    }

    RuntimeException failure() {
        return failure;
    }

    void committed(Payment payment) {
        this.recorded = payment;
    }

    void failed(RuntimeException e) {
        this.failure = e;
    }
}

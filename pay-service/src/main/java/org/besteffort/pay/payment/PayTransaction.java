package org.besteffort.pay.payment;

import java.util.function.Supplier;

/**
 * How a pay's local transaction is run: as it is, or, with {@code notifier.send-mode: transactional}, inside a RocketMQ
 * half message that commits or rolls back with it.
 */
public interface PayTransaction {

    /** Runs the transaction as it is: the send modes that need nothing around it. */
    PayTransaction PLAIN = (payment, localTransaction) -> localTransaction.get();

    /**
     * Runs {@code localTransaction}, which records {@code payment}, and returns what it returned; its exceptions pass
     * through unchanged.
     */
    Payment run(Payment payment, Supplier<Payment> localTransaction);
}

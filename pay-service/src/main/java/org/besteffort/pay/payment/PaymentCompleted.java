package org.besteffort.pay.payment;

/**
 * The fact "this pay has been recorded", published inside the pay's transaction.
 */
public record PaymentCompleted(Payment payment) {
}

/**
 * The notifier's own local transaction: a pay is recorded in {@code account_pay}, then the fact
 * {@link org.besteffort.pay.payment.PaymentCompleted} is published for the notifier to announce after commit.
 * {@code /payresult/{txNo}} is the query side that the receiver's reconciliation relies on.
 * A pay may also name a registered receiver and one of its notify URLs (scheme 2);
 * {@link org.besteffort.pay.payment.NotifyTargets} refuses any other, before anything is written.
 */
package org.besteffort.pay.payment;

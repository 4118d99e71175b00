package org.besteffort.pay.payment;

import org.besteffort.common.PayResult;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What {@code /paydo} and {@code /payresult/{txNo}} answer.
 *
 * @param receiverId the receiver the pay asked to notify over HTTP (scheme 2), null when it named none
 * @param notifyUrl  where that receiver is notified, null when the pay named none
 */
record PaymentView(String txNo, String accountNo, BigDecimal payAmount, PayResult result, Instant paidAt,
                   String receiverId, String notifyUrl) {

    static PaymentView of(Payment payment) {
        return new PaymentView(payment.txNo(), payment.accountNo(), payment.payAmount(), payment.result(),
                payment.createdAt(), payment.receiverId(), payment.notifyUrl());
    }
}

package org.besteffort.pay.payment;

import org.besteffort.common.PayResult;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What {@code /paydo} and {@code /payresult/{txNo}} answer.
 */
record PaymentView(String txNo, String accountNo, BigDecimal payAmount, PayResult result, Instant paidAt) {

    static PaymentView of(Payment payment) {
        return new PaymentView(payment.txNo(), payment.accountNo(), payment.payAmount(), payment.result(),
                payment.createdAt());
    }
}

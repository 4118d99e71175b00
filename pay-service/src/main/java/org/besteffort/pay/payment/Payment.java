package org.besteffort.pay.payment;

import org.besteffort.common.PayResult;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A pay as recorded in {@code account_pay}; its result never changes once written.
 */
public record Payment(Long id, String txNo, String accountNo, BigDecimal payAmount, PayResult result,
                      Instant createdAt, Instant updatedAt) {

    /** Whether a repeated request with this txNo asks for the same pay. */
    boolean sameRequestAs(PayRequest request) {
        return accountNo.equals(request.accountNo()) && payAmount.compareTo(request.payAmount()) == 0;
    }
}

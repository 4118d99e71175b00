package org.besteffort.pay.payment;

import org.besteffort.common.PayResult;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A pay as recorded in {@code account_pay}; its result never changes once written.
 *
 * @param receiverId scheme 2: the registered receiver to notify over HTTP, null when the pay named none
 * @param notifyUrl  scheme 2: where to notify it, null when the pay named none
 * @param merchantId the receiver the pay belongs to, who made it: the only one that may query it
 */
public record Payment(Long id, String txNo, String accountNo, BigDecimal payAmount, PayResult result,
                      String receiverId, String notifyUrl, Instant createdAt, Instant updatedAt, String merchantId) {

    /** Whether a repeated request with this txNo, from this merchant, asks for the same pay, notified to the same place. */
    boolean sameRequestAs(PayRequest request, String merchant) {
        return accountNo.equals(request.accountNo()) && payAmount.compareTo(request.payAmount()) == 0
                && Objects.equals(receiverId, request.receiverId()) && Objects.equals(notifyUrl, request.notifyUrl())
                && merchantId.equals(merchant);
    }

    /** Whether a receiver that sees only its own pays ({@code null}: every receiver's) may see this one. */
    public boolean visibleTo(String receiverScope) {
        return receiverScope == null || receiverScope.equals(merchantId);
    }
}

package org.besteffort.account.reconciliation;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;

/**
 * The body the receiver sends to pay-service's {@code /paydo}; the txNo makes the pay idempotent.
 *
 * @param receiverId scheme 2: the registered receiver the notify gateway should notify; null with notifyUrl
 * @param notifyUrl  scheme 2: where the gateway posts the result; null when no HTTP notification is wanted
 */
@JsonInclude(JsonInclude.Include.NON_NULL) // pay-service takes both or neither: neither is left out, not sent as null
public record PayOrder(String accountNo, BigDecimal payAmount, String txNo, String receiverId, String notifyUrl) {

    /** An order with no HTTP notification (scheme 1 and reconciliation only). */
    public PayOrder(String accountNo, BigDecimal payAmount, String txNo) {
        this(accountNo, payAmount, txNo, null, null);
    }
}

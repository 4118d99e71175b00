package org.besteffort.account.reconciliation;

import java.math.BigDecimal;

/**
 * The body the receiver sends to pay-service's {@code /paydo}; the txNo makes the pay idempotent.
 */
public record PayOrder(String accountNo, BigDecimal payAmount, String txNo) {
}

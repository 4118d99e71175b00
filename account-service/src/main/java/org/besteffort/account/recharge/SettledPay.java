package org.besteffort.account.recharge;

import java.math.BigDecimal;

/**
 * A pay made elsewhere that a batch records as settled here ({@link RechargeMapper#recordAllSettledElsewhere}).
 *
 * @param attempt which delivery or query brought it
 */
public record SettledPay(String txNo, String accountNo, BigDecimal amount, int attempt) {
}

package org.besteffort.account.recharge;

import java.math.BigDecimal;

/**
 * The amount is above the configured maximum of one recharge.
 */
public class RechargeAmountTooLarge extends RuntimeException {

    public RechargeAmountTooLarge(BigDecimal maximum) {
        super("amount must be at most " + maximum.toPlainString());
    }
}

package org.besteffort.pay.payment;

import java.math.BigDecimal;

/**
 * The amount is above the configured maximum of one pay.
 */
class PayAmountTooLarge extends RuntimeException {

    PayAmountTooLarge(BigDecimal maximum) {
        super("payAmount must be at most " + maximum.toPlainString());
    }
}

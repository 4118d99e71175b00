package org.besteffort.pay.statement;

import org.besteffort.common.PayResult;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One settled pay on a statement.
 */
record StatementLine(String txNo, String accountNo, BigDecimal payAmount, PayResult result, Instant paidAt,
                     Instant updatedAt) {
}

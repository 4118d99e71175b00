package org.besteffort.account.recharge;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What {@code /recharges} shows of a recharge.
 */
record RechargeView(String txNo, String accountNo, BigDecimal amount, RechargeStatus status, SettledBy settledBy,
                    Integer settledAttempt, RechargeOrigin origin, int reconciliationQueries, Instant createdAt,
                    Instant updatedAt) {

    static RechargeView of(Recharge recharge) {
        return new RechargeView(recharge.txNo(), recharge.accountNo(), recharge.amount(), recharge.status(),
                recharge.settledBy(), recharge.settledAttempt(), recharge.origin(), recharge.attempts(),
                recharge.createdAt(),
                recharge.updatedAt());
    }
}

package org.besteffort.account.recharge;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A recharge as recorded in {@code account_recharge}.
 *
 * @param settledAttempt which delivery (by message), notify attempt (by notify_url) or query (by reconciliation)
 *                      settled it
 * @param attempts      how many times reconciliation has asked pay-service about it
 * @param nextAttemptAt when reconciliation may claim it next
 */
public record Recharge(String txNo, String accountNo, BigDecimal amount, RechargeStatus status,
                       SettledBy settledBy, Integer settledAttempt, RechargeOrigin origin, int attempts,
                       Instant nextAttemptAt,
                       Instant createdAt, Instant updatedAt) {
}

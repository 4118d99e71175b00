package org.besteffort.account.receiver;

import org.besteffort.account.recharge.SettledBy;

import java.math.BigDecimal;

/**
 * The fact "a pay result went through the applier", published after its transaction ended.
 *
 * @param attempt which delivery (by message), notify attempt or query (by reconciliation) brought it; 1 by statement
 */
public record PayResultApplied(String txNo, SettledBy path, ApplyOutcome outcome, int attempt, String accountNo,
                               BigDecimal amount) {
}

package org.besteffort.account.receiver;

import org.besteffort.account.recharge.SettledBy;

/**
 * The fact "a pay result went through the applier", published after its transaction ended.
 */
public record PayResultApplied(String txNo, SettledBy path, ApplyOutcome outcome) {
}

package org.besteffort.account.receiver;

import org.besteffort.common.PayResultMessage;

/**
 * One pay result of a batch handed to {@link PayResultApplier#applyAll}, with the delivery or query that brought it.
 *
 * @param attempt which delivery (by message) or query (by reconciliation) brought it, recorded if it settles
 */
public record Arrival(PayResultMessage result, int attempt) {
}

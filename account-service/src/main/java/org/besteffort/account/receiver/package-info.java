/**
 * The receiver side of best-effort notification: the RocketMQ listener and the one idempotent applier that
 * every path (notification, reconciliation) goes through. {@code de_duplication}'s primary key is the guard.
 */
package org.besteffort.account.receiver;

/**
 * The receiver side of best-effort notification: the RocketMQ listener and the one idempotent applier that
 * every path (message, notify_url, reconciliation) goes through, one result or a batch at a time.
 * {@code de_duplication}'s primary key is the guard.
 * {@code receiver.channels} decides which of the two push paths exist.
 */
package org.besteffort.account.receiver;

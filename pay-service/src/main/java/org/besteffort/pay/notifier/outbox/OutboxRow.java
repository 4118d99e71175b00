package org.besteffort.pay.notifier.outbox;

/**
 * A message waiting in the outbox: the pay it announces and its body.
 */
record OutboxRow(long id, String txNo, String payload) {
}

package org.besteffort.console.timeline;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One entry of a service's journal, as {@code GET /ops/journal} serves it.
 */
record JournalEntryView(long seq, Instant at, String txNo, String step, Integer attempt, String outcome,
                               String accountNo, BigDecimal amount, String detail) {
}

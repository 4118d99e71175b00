package org.besteffort.common.journal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Objects;

/**
 * One thing a service did to a pay, as its journal keeps it.
 *
 * @param seq       1, 2, 3… in the order the service appended them; starts at 1 again when the service restarts
 * @param at        when it happened
 * @param txNo      the pay it is about; null for an event about no single pay (an endpoint disabled)
 * @param step      what happened: a {@link JournalStep} name
 * @param attempt   which delivery, notify attempt or query it was, counting from 1; null where there is none
 * @param outcome   how it ended: one of the step's {@link JournalStep#outcomes()}
 * @param accountNo the pay's account, where the service knew it
 * @param amount    the pay's amount, at least two decimals (100 is 100.00), where the service knew it
 * @param detail    one human-readable line
 */
public record JournalEntry(long seq, Instant at, String txNo, String step, Integer attempt, String outcome,
                           String accountNo, BigDecimal amount, String detail) {

    public JournalEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(outcome, "outcome");
        // Money reads as money in any JSON writer: 100.00, never 1E+2 or 100.
        if (amount != null && amount.scale() < 2) {
            amount = amount.setScale(2, RoundingMode.UNNECESSARY);
        }
    }
}

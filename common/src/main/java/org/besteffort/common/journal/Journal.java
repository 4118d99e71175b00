package org.besteffort.common.journal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A service's journal of recent steps: a thread-safe ring of at most {@code capacity} entries, numbered 1, 2, 3…;
 * the newest overwrites the oldest. Append only once the step's transaction has committed.
 *
 * <p>Cheap on the hot path: an append takes one short lock and allocates the entry only.
 */
public final class Journal {

    /** The longest detail kept; a longer one (say, an error quoting what a caller sent) is cut. */
    public static final int MAX_DETAIL = 300;

    private final String service;
    private final String instance = UUID.randomUUID().toString();
    private final Clock clock;
    private final JournalEntry[] ring;

    // Guarded by this.
    private long lastSeq;

    /** A journal stamping entries with the system clock. */
    public Journal(String service, int capacity) {
        this(service, capacity, Clock.systemUTC());
    }

    public Journal(String service, int capacity, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a journal holds at least one entry, not " + capacity);
        }
        this.service = Objects.requireNonNull(service, "service");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ring = new JournalEntry[capacity];
    }

    /** Appends a step that names no attempt and no money. */
    public JournalEntry append(String txNo, JournalStep step, String outcome, String detail) {
        return append(txNo, step, null, outcome, null, null, detail);
    }

    /** Appends a step that happened now. */
    public JournalEntry append(String txNo, JournalStep step, Integer attempt, String outcome, String accountNo,
                               BigDecimal amount, String detail) {
        return append(null, txNo, step, attempt, outcome, accountNo, amount, detail);
    }

    /**
     * Appends a step that happened at {@code at} (null: now), for a step journaled a moment after it happened.
     *
     * @param outcome one of the step's {@link JournalStep#outcomes()}; checked where assertions are on (tests)
     */
    public JournalEntry append(Instant at, String txNo, JournalStep step, Integer attempt, String outcome,
                               String accountNo, BigDecimal amount, String detail) {
        assert step.allows(outcome) : step + " has no outcome " + outcome + "; JournalStep lists " + step.outcomes();
        String line = detail == null || detail.length() <= MAX_DETAIL ? detail
                : detail.substring(0, MAX_DETAIL - 1) + "…";
        synchronized (this) {
            long seq = ++lastSeq;
            JournalEntry entry = new JournalEntry(seq, at == null ? clock.instant() : at, txNo, step.name(), attempt,
                    outcome, accountNo, amount, line);
            ring[index(seq)] = entry;
            return entry;
        }
    }

    /**
     * The entries with {@code seq > after}, oldest first, at most {@code limit} of them.
     *
     * @throws IllegalArgumentException if {@code after} is negative or {@code limit} is below 1
     */
    public JournalPage page(long after, int limit) {
        if (after < 0 || limit < 1) {
            throw new IllegalArgumentException("after must be at least 0 and limit at least 1");
        }
        synchronized (this) {
            long oldest = oldestSeq();
            // after >= lastSeq first: a reader from before a restart may ask for any seq, even Long.MAX_VALUE.
            long from = after >= lastSeq ? lastSeq + 1 : Math.max(after + 1, oldest);
            long to = Math.min(lastSeq, from + limit - 1);
            List<JournalEntry> entries = new ArrayList<>((int) Math.max(0, to - from + 1));
            for (long seq = from; seq <= to; seq++) {
                entries.add(ring[index(seq)]);
            }
            return new JournalPage(service, instance, ring.length, oldest, lastSeq, entries);
        }
    }

    /** The seq of the oldest entry held, or {@code lastSeq + 1} while none is. */
    private long oldestSeq() {
        return Math.max(1, lastSeq - ring.length + 1);
    }

    private int index(long seq) {
        return (int) ((seq - 1) % ring.length);
    }
}

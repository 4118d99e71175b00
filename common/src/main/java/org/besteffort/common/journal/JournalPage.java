package org.besteffort.common.journal;

import java.util.List;

/**
 * What {@code GET /ops/journal?after=N&limit=M} answers: the entries after seq N, oldest first, and enough about the
 * journal for a reader to know whether it missed any.
 *
 * <p>A reader keeps {@code instance} and the last seq it read. A different instance means the service restarted and
 * its seqs start at 1 again: read from {@code after=0}. Having asked for {@code after=N}, it missed entries exactly
 * when {@code N + 1 < oldestSeq}: they were overwritten before it came back.
 *
 * @param service   the service that keeps the journal ({@code spring.application.name})
 * @param instance  a random id chosen when the journal was created, once per process
 * @param capacity  how many entries the journal holds at most; older ones are overwritten
 * @param oldestSeq the seq of the oldest entry still held; {@code lastSeq + 1} while none is held
 * @param lastSeq   the seq of the newest entry; 0 before the first
 * @param entries   the entries with {@code seq > after}, oldest first, at most {@code limit}
 */
public record JournalPage(String service, String instance, int capacity, long oldestSeq, long lastSeq,
                          List<JournalEntry> entries) {

    public JournalPage {
        entries = List.copyOf(entries);
    }
}

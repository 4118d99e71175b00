package org.besteffort.console.timeline;

import java.util.List;

/**
 * A page of a service's journal: its entries after the sequence number asked for.
 *
 * @param instance  fixed for the life of the process: a new one means it restarted and counts from 1 again
 * @param oldestSeq the oldest entry it still holds; asking after an older one means entries were missed
 */
record JournalPageView(String service, String instance, int capacity, long oldestSeq, long lastSeq,
                              List<JournalEntryView> entries) {
}

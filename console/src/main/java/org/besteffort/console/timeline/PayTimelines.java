package org.besteffort.console.timeline;

import org.besteffort.console.ConsoleProperties;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The newest pays' timelines, merged from the journals of all three services.
 */
// Bounded: the oldest pay is forgotten when a new one arrives beyond console.timelines-kept.
@Component
public class PayTimelines {

    /** How many times {@code console.timelines-kept} forgotten txNos are remembered as forgotten. */
    private static final int FORGOTTEN_REMEMBERED = 10;

    private final int kept;
    private final Map<String, PayTimeline> byTxNo = new LinkedHashMap<>();
    /** Pays forgotten lately: a late step of one (a redelivery, a re-notify) would start a timeline without its start. */
    private final Set<String> forgotten = new LinkedHashSet<>();

    PayTimelines(ConsoleProperties properties) {
        this.kept = properties.timelinesKept();
    }

    /** Adds what one service journaled; returns the txNos whose timeline changed. */
    synchronized Set<String> accept(String service, Collection<JournalEntryView> entries) {
        Set<String> changed = new LinkedHashSet<>();
        for (JournalEntryView entry : entries) {
            if (entry.txNo() == null) {
                continue; // not about one pay (an endpoint disabled, say): the gateway's panel shows it
            }
            if (forgotten.contains(entry.txNo())) {
                continue;
            }
            byTxNo.computeIfAbsent(entry.txNo(), txNo -> new PayTimeline(txNo, entry.at())).add(service, entry);
            changed.add(entry.txNo());
        }
        while (byTxNo.size() > kept) {
            String oldest = byTxNo.keySet().iterator().next();
            byTxNo.remove(oldest);
            changed.remove(oldest);
            forgotten.add(oldest);
            if (forgotten.size() > FORGOTTEN_REMEMBERED * kept) {
                forgotten.remove(forgotten.iterator().next());
            }
        }
        return changed;
    }

    /** The newest {@code limit} pays, newest first. */
    public synchronized List<TimelineView> newest(int limit) {
        List<TimelineView> newest = new ArrayList<>();
        List<PayTimeline> all = new ArrayList<>(byTxNo.values());
        for (int i = all.size() - 1; i >= 0 && newest.size() < limit; i--) {
            newest.add(all.get(i).view());
        }
        return newest;
    }

    /** Of these txNos, the timelines among the newest {@code limit}, newest first. */
    public synchronized List<TimelineView> changedAmongNewest(Set<String> changed, int limit) {
        return newest(limit).stream().filter(view -> changed.contains(view.txNo())).toList();
    }

    synchronized Optional<TimelineView> find(String txNo) {
        return Optional.ofNullable(byTxNo.get(txNo)).map(PayTimeline::view);
    }
}

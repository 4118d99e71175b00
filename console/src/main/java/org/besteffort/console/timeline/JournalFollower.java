package org.besteffort.console.timeline;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads one service's journal forward from where it last stopped, noticing a restart (a new instance counts from 1
 * again) and entries it came too late for (the journal is a bounded ring).
 */
final class JournalFollower {

    private static final Logger log = LoggerFactory.getLogger(JournalFollower.class);

    /** Pages read per call at most: a console that fell far behind catches up over a few calls, not in one burst. */
    private static final int MAX_PAGES = 5;
    private static final int PAGE = 1000;

    private final String service;
    private final String name;
    private final RestClient client;
    private String instance;
    private long after;
    private long missed;
    private boolean reachable;

    /**
     * @param service the service whose steps these are, as the timelines name it
     * @param name    this instance's name, where several instances of one service run
     */
    JournalFollower(String service, String name, RestClient client) {
        this.service = service;
        this.name = name;
        this.client = client;
    }

    /** The entries written since the last call, oldest first; none if the service does not answer. */
    synchronized List<JournalEntryView> readNew() {
        List<JournalEntryView> fresh = new ArrayList<>();
        try {
            for (int page = 0; page < MAX_PAGES; page++) {
                JournalPageView journal = client.get()
                        .uri(uri -> uri.path("/ops/journal").queryParam("after", after).queryParam("limit", PAGE)
                                .build())
                        .retrieve().body(JournalPageView.class);
                if (journal == null) {
                    break;
                }
                if (!journal.instance().equals(instance)) {
                    if (instance != null) {
                        log.info("{} restarted: reading its journal from the start", name);
                    }
                    instance = journal.instance();
                    // From the oldest entry it still holds: what it dropped before the console came is not missed.
                    after = Math.max(0, journal.oldestSeq() - 1);
                    continue;
                }
                if (journal.oldestSeq() > after + 1 && journal.lastSeq() >= journal.oldestSeq()) {
                    missed += journal.oldestSeq() - after - 1;
                    after = journal.oldestSeq() - 1;
                    continue;
                }
                fresh.addAll(journal.entries());
                if (journal.entries().isEmpty()) {
                    break;
                }
                after = journal.entries().get(journal.entries().size() - 1).seq();
                if (after >= journal.lastSeq()) {
                    break;
                }
            }
            reachable = true;
        } catch (RestClientException down) {
            if (reachable) {
                log.info("{} does not answer: {}", name, down.toString());
            }
            reachable = false;
        }
        return fresh;
    }

    String service() {
        return service;
    }

    String instance() {
        return name;
    }

    synchronized boolean reachable() {
        return reachable;
    }

    /** Entries the journal had dropped before the console could read them. */
    synchronized long missed() {
        return missed;
    }
}

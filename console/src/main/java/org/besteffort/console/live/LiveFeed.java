package org.besteffort.console.live;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The open pages, each an event stream: whatever changes is published once and sent to all of them.
 */
@Component
public class LiveFeed {

    private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);

    /** Pages open at once at most: each holds a request thread's connection, and the console is for a few people. */
    static final int MAX_PAGES = 32;
    /** A page's stream ends after this; the browser's EventSource opens a new one by itself. */
    static final Duration STREAM_LIFETIME = Duration.ofMinutes(30);

    private final List<SseEmitter> pages = new CopyOnWriteArrayList<>();

    /** A stream for one more page, or null when {@link #MAX_PAGES} are open. */
    SseEmitter open() {
        SseEmitter page = new SseEmitter(STREAM_LIFETIME.toMillis());
        return register(page) ? page : null;
    }

    /** Sends every later event to this page too, unless {@link #MAX_PAGES} are open already. */
    boolean register(SseEmitter page) {
        if (pages.size() >= MAX_PAGES) {
            return false;
        }
        page.onCompletion(() -> pages.remove(page));
        page.onTimeout(() -> pages.remove(page));
        page.onError(e -> pages.remove(page));
        pages.add(page);
        return true;
    }

    int openPages() {
        return pages.size();
    }

    /** Whether any page is open: nobody watching, nothing to read. */
    boolean watched() {
        return !pages.isEmpty();
    }

    /** Sends one event to every open page; never throws. */
    public void publish(String name, Object data) {
        for (SseEmitter page : pages) {
            send(page, name, data);
        }
    }

    /** A comment line to every open page: tells a closed one apart, and keeps proxies from closing a quiet stream. */
    void heartbeat() {
        for (SseEmitter page : pages) {
            try {
                page.send(SseEmitter.event().comment("still here"));
            } catch (IOException | RuntimeException gone) {
                forget(page, gone);
            }
        }
    }

    /** Sends one event to one page (its first picture of the state). */
    void send(SseEmitter page, String name, Object data) {
        try {
            page.send(SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
        } catch (IOException | RuntimeException gone) {
            forget(page, gone);
        }
    }

    /**
     * The browser went away: forget the page. Never throws: a closed page must not stop the loop or a scenario's
     * narration for the pages still open.
     */
    private void forget(SseEmitter page, Exception gone) {
        log.debug("page stream closed: {}", gone.toString());
        pages.remove(page);
        try {
            page.complete();
        } catch (RuntimeException alreadyOver) {
            log.trace("page stream already over: {}", alreadyOver.toString());
        }
    }
}

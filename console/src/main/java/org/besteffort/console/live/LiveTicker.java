package org.besteffort.console.live;

import org.besteffort.console.ConsoleProperties;
import org.besteffort.console.panels.Panels;
import org.besteffort.console.timeline.Journals;
import org.besteffort.console.timeline.PayTimelines;
import org.besteffort.console.timeline.TimelineView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console's one loop: reads the journals every {@code console.follow-every} and pushes the timelines that changed;
 * re-reads the panels at once when a credit landed and otherwise every {@code console.refresh-every}, pushing only
 * what changed. However many pages are open, the services are read once per tick.
 */
@Component
class LiveTicker {

    private static final Logger log = LoggerFactory.getLogger(LiveTicker.class);

    private final Journals journals;
    private final PayTimelines timelines;
    private final Panels panels;
    private final LiveFeed feed;
    private final ConsoleProperties properties;
    private final TaskScheduler scheduler;
    private final Clock clock;
    /** What each panel event last said, to push it only when it changed. */
    private final Map<String, Object> lastSent = new ConcurrentHashMap<>();
    private volatile Instant nextRefresh = Instant.MIN;

    LiveTicker(Journals journals, PayTimelines timelines, Panels panels, LiveFeed feed, ConsoleProperties properties,
               TaskScheduler scheduler) {
        this.journals = journals;
        this.timelines = timelines;
        this.panels = panels;
        this.feed = feed;
        this.properties = properties;
        this.scheduler = scheduler;
        this.clock = Clock.systemUTC();
    }

    @EventListener(ApplicationReadyEvent.class)
    void startTicking() {
        scheduler.scheduleWithFixedDelay(this::tick, properties.followEvery());
    }

    void tick() {
        try {
            Journals.Read read = journals.readNew();
            if (!read.changed().isEmpty()) {
                List<TimelineView> changed = timelines.changedAmongNewest(read.changed(), properties.timelinesShown());
                if (!changed.isEmpty()) {
                    feed.publish("timelines", changed);
                }
            }
            pushIfChanged("services", journals.states());
            if (!feed.watched()) {
                return; // nobody is looking: the panels can wait
            }
            Instant now = clock.instant();
            if (read.credited() || now.isAfter(nextRefresh)) {
                pushIfChanged("accounts", panels.accounts());
            }
            if (now.isAfter(nextRefresh)) {
                nextRefresh = now.plus(properties.refreshEvery());
                pushIfChanged("gateway", panels.gateway());
                pushIfChanged("problems", panels.problems());
                pushIfChanged("faults", panels.faults());
            }
        } catch (RuntimeException e) {
            log.warn("console tick failed: {}", e.toString());
        }
    }

    /** A new page's first picture: everything as it stands, without waiting for the next change. */
    void sendSnapshot(SseEmitter page) {
        feed.send(page, "timelines", timelines.newest(properties.timelinesShown()));
        feed.send(page, "services", journals.states());
        feed.send(page, "accounts", remember("accounts", panels.accounts()));
        feed.send(page, "gateway", remember("gateway", panels.gateway()));
        feed.send(page, "problems", remember("problems", panels.problems()));
        feed.send(page, "faults", remember("faults", panels.faults()));
    }

    private void pushIfChanged(String name, Object now) {
        Object before = lastSent.get(name);
        if (now != null && !Objects.equals(before, now)) {
            remember(name, now);
            feed.publish(name, now);
        }
    }

    private Object remember(String name, Object now) {
        if (now != null) {
            lastSent.put(name, now);
        }
        return now == null ? Map.of() : now;
    }
}

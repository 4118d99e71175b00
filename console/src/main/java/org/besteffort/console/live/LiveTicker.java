package org.besteffort.console.live;

import org.besteffort.console.ConsoleProperties;
import org.besteffort.console.panels.PanelReader;
import org.besteffort.console.timeline.JournalReader;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console's one loop: reads the services once per tick, however many pages are open, and pushes what changed.
 */
// Journals every console.follow-every; the panels at once when a credit landed, else every console.refresh-every.
@Component
class LiveTicker {

    private static final Logger log = LoggerFactory.getLogger(LiveTicker.class);

    /** How often an open page hears from the console when nothing changes. */
    static final Duration HEARTBEAT_EVERY = Duration.ofSeconds(15);

    private final JournalReader journals;
    private final PayTimelines timelines;
    private final PanelReader panels;
    private final LiveFeed feed;
    private final ConsoleProperties properties;
    private final TaskScheduler scheduler;
    private final Clock clock;
    /** What each panel event last said, to push it only when it changed. */
    private final Map<String, Object> lastSent = new ConcurrentHashMap<>();
    private Instant nextRefresh = Instant.MIN;
    private Instant nextHeartbeat = Instant.MIN;

    LiveTicker(JournalReader journals, PayTimelines timelines, PanelReader panels, LiveFeed feed, ConsoleProperties properties,
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

    // Synchronized with sendSnapshot: a page's first picture never arrives after, and overwrites, a newer change.
    synchronized void tick() {
        try {
            JournalReader.Read read = journals.readNew();
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
            if (now.isAfter(nextHeartbeat)) {
                // A quiet stack sends nothing: without this a closed tab would hold its slot until its stream expires.
                nextHeartbeat = now.plus(HEARTBEAT_EVERY);
                feed.heartbeat();
            }
        } catch (RuntimeException e) {
            log.warn("console tick failed: {}", e.toString());
        }
    }

    /** A new page's first picture: everything as it stands, without waiting for the next change. */
    synchronized void sendSnapshot(SseEmitter page) {
        feed.send(page, "timelines", timelines.newest(properties.timelinesShown()));
        feed.send(page, "services", journals.states());
        // What the open pages were last sent, so that this page and they agree; read now if nothing was sent yet.
        feed.send(page, "accounts", lastSent.computeIfAbsent("accounts", name -> orEmpty(panels.accounts())));
        feed.send(page, "gateway", lastSent.computeIfAbsent("gateway", name -> orEmpty(panels.gateway())));
        feed.send(page, "problems", lastSent.computeIfAbsent("problems", name -> orEmpty(panels.problems())));
        feed.send(page, "faults", lastSent.computeIfAbsent("faults", name -> orEmpty(panels.faults())));
    }

    private void pushIfChanged(String name, Object now) {
        if (now != null && !Objects.equals(lastSent.get(name), now)) {
            lastSent.put(name, now);
            feed.publish(name, now);
        }
    }

    private static Object orEmpty(Object read) {
        return read == null ? Map.of() : read;
    }
}

package org.besteffort.pay.notifier.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.besteffort.pay.notifier.CrashPoint;
import org.besteffort.pay.notifier.CrashPoints;
import org.besteffort.pay.notifier.NotificationFaults;
import org.besteffort.pay.notifier.NotifierProperties;
import org.besteffort.pay.notifier.PayResultPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * {@code send-mode: outbox}, the second half: one thread that claims due rows of the outbox, publishes them and marks
 * them sent, woken by each committed pay and polling besides.
 *
 * <ul>
 *   <li>A claim is a lease: {@code FOR UPDATE SKIP LOCKED} takes rows no other relay is claiming, and
 *   {@code leased_until} keeps them this relay's while it publishes, so two instances never publish the same row at the
 *   same time.</li>
 *   <li>A relay that dies leaves its rows leased; when the lease runs out any relay (its own restart included) takes
 *   them over.</li>
 *   <li>A row published but not marked sent (a crash in between, a database gone) is published again: the receiver's
 *   idempotent applier absorbs the copy.</li>
 *   <li>Sent rows are purged after {@code notifier.outbox.retention}.</li>
 * </ul>
 */
@Component
@ConditionalOnProperty(name = "notifier.send-mode", havingValue = "outbox")
class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private static final int PURGE_BATCH = 1_000;

    private final OutboxMapper outbox;
    private final PayResultPublisher publisher;
    private final ObjectProvider<NotificationFaults> faults;
    private final CrashPoints crashPoints;
    private final NotifierProperties.Outbox settings;
    private final TransactionTemplate claim;
    private final Clock clock;
    private final Semaphore wakeups = new Semaphore(0);
    private volatile Thread thread;
    private volatile boolean running;
    private Instant nextPurge = Instant.EPOCH;

    OutboxRelay(OutboxMapper outbox, PayResultPublisher publisher, ObjectProvider<NotificationFaults> faults,
                CrashPoints crashPoints, NotifierProperties properties, PlatformTransactionManager transactions,
                MeterRegistry meters, Clock clock) {
        this.outbox = outbox;
        this.publisher = publisher;
        this.faults = faults;
        this.crashPoints = crashPoints;
        this.settings = properties.outbox();
        this.claim = new TransactionTemplate(transactions);
        // No gap locks: a claim must not hold up the pays inserting new rows behind it.
        this.claim.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.clock = clock;
        Gauge.builder("notify.outbox.unsent", outbox, OutboxMapper::unsent)
                .description("outbox rows not yet published").register(meters);
    }

    /** A pay committed a row: publish it now rather than at the next poll. */
    void wake() {
        wakeups.release();
    }

    @Override
    public void start() {
        running = true;
        Thread relay = new Thread(this::relayUntilStopped, "outbox-relay");
        relay.setDaemon(true);
        thread = relay;
        relay.start();
        log.info("outbox relay started: polling every {}, lease {}, {} rows per claim", settings.pollEvery(),
                settings.lease(), settings.batch());
    }

    @Override
    public void stop() {
        running = false;
        Thread relay = thread;
        if (relay != null) {
            relay.interrupt();
            try {
                relay.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void relayUntilStopped() {
        while (running) {
            try {
                int published = relayDue();
                purgeWhenDue();
                if (published < settings.batch()) {
                    wakeups.tryAcquire(settings.pollEvery().toMillis(), TimeUnit.MILLISECONDS);
                    wakeups.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // The database or the broker is away: the rows stay, leased or not, and are taken again later.
                log.warn("outbox relay: {}; trying again in {}", e.toString(), settings.pollEvery());
                try {
                    Thread.sleep(settings.pollEvery().toMillis());
                } catch (InterruptedException stopped) {
                    return;
                }
            }
        }
    }

    /** Claims one batch of due rows, publishes them and marks those the broker stored; returns how many it claimed. */
    int relayDue() {
        List<OutboxRow> rows = claim.execute(status -> {
            Instant now = now();
            List<OutboxRow> due = outbox.due(now, settings.batch());
            if (!due.isEmpty()) {
                outbox.lease(due.stream().map(OutboxRow::id).toList(), now.plus(settings.lease()));
            }
            return due;
        });
        if (rows.isEmpty()) {
            return 0;
        }
        NotificationFaults activeFaults = faults.getIfAvailable();
        // The whole batch in flight at once, then one UPDATE for the rows the broker stored.
        List<CompletableFuture<Boolean>> stored = rows.stream().map(row -> publish(row, activeFaults)).toList();
        List<Long> sent = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            if (stored.get(i).join()) {
                sent.add(rows.get(i).id());
            }
        }
        if (!sent.isEmpty()) {
            crashPoints.reached(CrashPoint.AFTER_RELAY_PUBLISH_BEFORE_MARK, rows.get(0).txNo());
            outbox.markSent(sent, now());
        }
        return rows.size();
    }

    private CompletableFuture<Boolean> publish(OutboxRow row, NotificationFaults activeFaults) {
        if (activeFaults != null && activeFaults.dropNotification(row.txNo())) {
            publisher.dropped(row.txNo());
            // marked sent: the fault switch lost it for good, as after-commit would
            return CompletableFuture.completedFuture(true);
        }
        var message = publisher.signed(row.txNo(), row.payload().getBytes(StandardCharsets.UTF_8));
        CompletableFuture<Boolean> stored = publisher.sendAsync(row.txNo(), message, 1, " by the outbox relay");
        if (activeFaults != null && activeFaults.duplicateNotification(row.txNo())) {
            return stored.thenCompose(first -> first
                    ? publisher.sendAsync(row.txNo(), message, 2, " again (fault switch)").thenApply(again -> true)
                    : CompletableFuture.completedFuture(false));
        }
        return stored;
    }

    private void purgeWhenDue() {
        Instant now = now();
        if (now.isBefore(nextPurge)) {
            return;
        }
        nextPurge = now.plus(settings.purgeEvery());
        int purged;
        do {
            purged = outbox.purgeSentBefore(now.minus(settings.retention()), PURGE_BATCH);
            if (purged > 0) {
                log.info("outbox: purged {} rows sent before {}", purged, now.minus(settings.retention()));
            }
        } while (purged == PURGE_BATCH && running);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}

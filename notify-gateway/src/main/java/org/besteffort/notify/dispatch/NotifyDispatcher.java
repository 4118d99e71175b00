package org.besteffort.notify.dispatch;

import org.besteffort.notify.receiver.Receiver;
import org.besteffort.notify.receiver.RegisteredReceivers;
import org.besteffort.notify.task.NotifyEndpoint;
import org.besteffort.notify.task.NotifyEndpointMapper;
import org.besteffort.notify.task.NotifyTask;
import org.besteffort.notify.task.NotifyTaskMapper;
import org.besteffort.notify.task.TasksMadeDue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delivers due tasks. Endpoint by endpoint it claims only as many due tasks as that endpoint has free request slots
 * ({@code SKIP LOCKED} + a lease, so two gateway instances never deliver one task at once), sends them without
 * waiting, and looks again as soon as one finishes. Nothing but the requests in flight is ever held in memory, and a
 * slow or dead endpoint fills only its own slots.
 */
@Component
class NotifyDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NotifyDispatcher.class);

    private final NotifyTaskMapper tasks;
    private final NotifyEndpointMapper endpoints;
    private final RegisteredReceivers receivers;
    private final NotifyDelivery delivery;
    private final DeliveryRecorder recorder;
    private final TransactionTemplate transaction;
    private final DispatchProperties properties;
    private final Clock clock;

    private final Map<Long, AtomicInteger> inFlightByEndpoint = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Semaphore wakeUp = new Semaphore(0);
    private final ExecutorService recording = Executors.newFixedThreadPool(4, daemonThreads("notify-record-"));

    private volatile boolean running;
    private Thread loop;

    NotifyDispatcher(NotifyTaskMapper tasks, NotifyEndpointMapper endpoints, RegisteredReceivers receivers,
                     NotifyDelivery delivery, DeliveryRecorder recorder, TransactionTemplate transaction,
                     DispatchProperties properties, DeliveryProperties deliveryProperties, Clock clock) {
        if (properties.lease().compareTo(deliveryProperties.longestAttempt()) <= 0) {
            throw new IllegalStateException("gateway.dispatch.lease (" + properties.lease() + ") must be longer than"
                    + " gateway.delivery.connect-timeout + read-timeout (" + deliveryProperties.longestAttempt()
                    + "), or a task could be delivered twice at once");
        }
        this.tasks = tasks;
        this.endpoints = endpoints;
        this.receivers = receivers;
        this.delivery = delivery;
        this.recorder = recorder;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
    }

    /** One look: claims and sends what is due and fits into the free slots; returns how many it sent. */
    int dispatchDue() {
        int sent = 0;
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        for (NotifyEndpoint endpoint : endpoints.findDeliverable(now)) {
            Receiver receiver = receivers.find(endpoint.receiverId()).orElse(null);
            if (receiver == null) {
                continue; // no longer registered: its tasks wait until it is again or an operator acts
            }
            int free = Math.min(properties.maxInFlightPerEndpoint() - inFlight(endpoint.id()).get(),
                    properties.maxInFlight() - inFlight.get());
            if (free <= 0) {
                continue;
            }
            for (NotifyTask task : claim(endpoint.id(), free, now)) {
                send(task, endpoint, receiver);
                sent++;
            }
        }
        return sent;
    }

    /** Locks up to {@code limit} due tasks of one endpoint and leases them to this instance, in one transaction. */
    private List<NotifyTask> claim(long endpointId, int limit, Instant now) {
        return transaction.execute(status -> {
            List<NotifyTask> due = tasks.lockDue(endpointId, now, limit);
            if (due.isEmpty()) {
                return List.of();
            }
            String token = UUID.randomUUID().toString();
            tasks.lease(due.stream().map(NotifyTask::id).toList(), now.plus(properties.lease()), token);
            return due.stream().map(task -> task.withClaimToken(token)).toList();
        });
    }

    private void send(NotifyTask task, NotifyEndpoint endpoint, Receiver receiver) {
        AtomicInteger endpointInFlight = inFlight(endpoint.id());
        endpointInFlight.incrementAndGet();
        inFlight.incrementAndGet();
        int attemptNo = task.attempts() + 1;
        Instant startedAt = clock.instant();
        delivery.deliver(task, endpoint, receiver, attemptNo).whenCompleteAsync((result, error) -> {
            try {
                recorder.record(task, endpoint, receiver, attemptNo, startedAt, result);
            } catch (RuntimeException e) {
                // The lease runs out and the task is delivered again: at least once, and the receiver is idempotent.
                log.warn("pay {} attempt {} to {}: could not record its outcome ({}), it will be delivered again",
                        task.txNo(), attemptNo, receiver.id(), e.toString());
            } finally {
                endpointInFlight.decrementAndGet();
                synchronized (inFlight) {
                    inFlight.decrementAndGet();
                    inFlight.notifyAll();
                }
                wakeUp.release();
            }
        }, recording);
    }

    private AtomicInteger inFlight(long endpointId) {
        return inFlightByEndpoint.computeIfAbsent(endpointId, id -> new AtomicInteger());
    }

    /** An operator made tasks due: look now rather than at the next interval. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void tasksMadeDue(TasksMadeDue event) {
        wakeUp.release();
    }

    /** Requests in flight right now. */
    int inFlight() {
        return inFlight.get();
    }

    private void run() {
        while (running) {
            try {
                dispatchDue();
            } catch (RuntimeException e) {
                log.warn("dispatching failed, trying again in {}: {}", properties.interval(), e.toString());
            }
            try {
                wakeUp.tryAcquire(properties.interval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void start() {
        running = true;
        loop = daemonThreads("notify-dispatcher-").newThread(this::run);
        loop.start();
        log.info("dispatcher started: at most {} requests in flight, {} per endpoint", properties.maxInFlight(),
                properties.maxInFlightPerEndpoint());
    }

    /** Stops claiming; waits a little for the requests in flight, whose leases otherwise run out and retry them. */
    @Override
    public void stop() {
        running = false;
        if (loop != null) {
            loop.interrupt();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        synchronized (inFlight) {
            long left;
            while (inFlight.get() > 0 && (left = deadline - System.nanoTime()) > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(inFlight, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        recording.shutdown();
        delivery.close();
    }

    static ThreadFactory daemonThreads(String prefix) {
        CustomizableThreadFactory factory = new CustomizableThreadFactory(prefix);
        factory.setDaemon(true);
        return factory;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}

package org.besteffort.notify.task;

import org.besteffort.common.PayResultMessage;
import org.besteffort.common.PayResultNotification;
import org.besteffort.common.journal.JournalStep;
import org.besteffort.notify.journal.CommittedJournal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Keeps the notification a pay result owes its receiver: endpoint and task in one local transaction.
 */
@Service
public class NotifyTasks {

    private static final Logger log = LoggerFactory.getLogger(NotifyTasks.class);

    private final NotifyTaskMapper tasks;
    private final NotifyEndpointMapper endpoints;
    private final ApplicationEventPublisher events;
    private final CommittedJournal journal;
    private final Clock clock;

    NotifyTasks(NotifyTaskMapper tasks, NotifyEndpointMapper endpoints, ApplicationEventPublisher events,
                CommittedJournal journal, Clock clock) {
        this.tasks = tasks;
        this.endpoints = endpoints;
        this.events = events;
        this.journal = journal;
        this.clock = clock;
    }

    /** The {@code webhook-id} of a pay's notification: derived from the txNo, so a repeat is recognisable. */
    static String webhookId(String txNo) {
        return "pay_" + txNo;
    }

    /**
     * Records the task for a pay result that names a registered receiver and URL, due at once. Idempotent: the
     * unique key (tx_no, receiver_id) turns a second delivery of the same message into a no-op.
     *
     * @return whether a task was created (false: it existed already)
     */
    @Transactional
    public boolean keep(PayResultMessage result) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        NotifyEndpoint endpoint = endpoint(result.receiverId(), result.notifyUrl(), now);
        String payload = PayResultNotification.of(result).toJson();
        boolean created;
        try {
            tasks.insert(result.txNo(), result.receiverId(), endpoint.id(), webhookId(result.txNo()), payload,
                    result.paidAt(), now);
            created = true;
        } catch (DuplicateKeyException kept) {
            // Only this statement failed: the transaction goes on and commits nothing new.
            created = false;
        }
        if (created) {
            log.info("pay {} to be notified to {} at {}", result.txNo(), result.receiverId(), result.notifyUrl());
            // Due now: the dispatcher looks as soon as this commits instead of at its next interval.
            events.publishEvent(new TasksMadeDue(1));
        } else {
            log.debug("pay {} already has its task for {}", result.txNo(), result.receiverId());
        }
        journal.append(result.txNo(), JournalStep.TASK_KEPT, null, created ? "KEPT" : "ALREADY_KEPT",
                result.accountNo(), result.amount(), "for " + result.receiverId() + " at " + result.notifyUrl());
        return created;
    }

    /**
     * The endpoint, created on first use. Read first: a plain read takes no lock, while the insert's duplicate-key path
     * would lock the endpoint's row in every intake transaction, one row all of a receiver's pays share.
     */
    private NotifyEndpoint endpoint(String receiverId, String notifyUrl, Instant now) {
        return endpoints.find(receiverId, notifyUrl).orElseGet(() -> {
            endpoints.insertIfAbsent(receiverId, notifyUrl, now);
            // Under REPEATABLE READ, a plain read here would miss a row another intake committed meanwhile (seen: the
            // first burst of pays to a new endpoint failed and was redelivered).
            return endpoints.findLatest(receiverId, notifyUrl).orElseThrow();
        });
    }
}

package org.besteffort.notify.operator;

import org.besteffort.common.journal.JournalStep;
import org.besteffort.notify.journal.CommittedJournal;
import org.besteffort.notify.receiver.RegisteredReceivers;
import org.besteffort.notify.task.NotifyAttemptMapper;
import org.besteffort.notify.task.NotifyEndpoint;
import org.besteffort.notify.task.NotifyEndpointMapper;
import org.besteffort.notify.task.NotifyTask;
import org.besteffort.notify.task.NotifyTaskMapper;
import org.besteffort.notify.task.NotifyTaskStatus;
import org.besteffort.notify.task.TasksMadeDue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * What an operator can see and do, each action logged with who did it; the action and its log line commit together.
 */
@Service
class NotifyOperations {

    private static final Logger log = LoggerFactory.getLogger(NotifyOperations.class);

    private final NotifyTaskMapper tasks;
    private final NotifyAttemptMapper attempts;
    private final NotifyEndpointMapper endpoints;
    private final OperatorActionMapper actions;
    private final RegisteredReceivers receivers;
    private final ApplicationEventPublisher events;
    private final CommittedJournal journal;
    private final Clock clock;

    NotifyOperations(NotifyTaskMapper tasks, NotifyAttemptMapper attempts, NotifyEndpointMapper endpoints,
                     OperatorActionMapper actions, RegisteredReceivers receivers, ApplicationEventPublisher events,
                     CommittedJournal journal, Clock clock) {
        this.tasks = tasks;
        this.attempts = attempts;
        this.endpoints = endpoints;
        this.actions = actions;
        this.receivers = receivers;
        this.events = events;
        this.journal = journal;
        this.clock = clock;
    }

    List<NotifyTask> search(String receiverId, NotifyTaskStatus status, Instant since, Instant until, Long beforeId,
                            int limit) {
        return tasks.search(receiverId, status, since, until, beforeId, limit);
    }

    TaskDetailView detail(long id) {
        NotifyTask task = tasks.findById(id).orElseThrow(() -> new TaskNotFound(id));
        NotifyEndpoint endpoint = endpoints.findById(task.endpointId()).orElseThrow();
        return new TaskDetailView(TaskView.of(task), endpoint.notifyUrl(), task.payload(),
                attempts.findByTask(id), endpoint);
    }

    /** Resets a task's attempts and makes it due now, whatever its status: the course's 重置通知位点. */
    @Transactional
    NotifyTask renotify(long id, String operator) {
        NotifyTask before = tasks.findById(id).orElseThrow(() -> new TaskNotFound(id));
        Instant now = now();
        tasks.reset(id, now);
        record(operator, "RENOTIFY", "task/" + id,
                "pay " + before.txNo() + " was " + before.status() + " after " + before.attempts() + " attempts", now);
        log.info("pay {} to {}: re-notify requested by {} (was {} after {} attempts)", before.txNo(),
                before.receiverId(), operator, before.status(), before.attempts());
        journal.append(before.txNo(), JournalStep.RENOTIFIED, "PENDING", "by " + operator + " (was " + before.status()
                + " after " + before.attempts() + " attempts)");
        events.publishEvent(new TasksMadeDue(1));
        return tasks.findById(id).orElseThrow();
    }

    /** Makes every FAILED task of the receiver created in [since, until) due again with fresh attempts. */
    @Transactional
    RecoverView recover(String receiverId, Instant since, Instant until, String operator) {
        if (receivers.find(receiverId).isEmpty()) {
            throw new ReceiverNotFound(receiverId);
        }
        Instant now = now();
        Instant end = until == null ? now : until;
        if (!end.isAfter(since)) {
            throw new InvalidWindow("until (" + end + ") must be after since (" + since + ")");
        }
        int recovered = tasks.resetFailed(receiverId, since, end, now);
        record(operator, "RECOVER", "receiver/" + receiverId, recovered + " failed tasks created in [" + since + ", "
                + end + ")", now);
        log.info("receiver {}: {} failed tasks created in [{}, {}) recovered by {}", receiverId, recovered, since, end,
                operator);
        journal.append(null, JournalStep.RECOVERED, "PENDING", recovered + " failed tasks of " + receiverId
                + " created in [" + since + ", " + end + ") recovered by " + operator);
        events.publishEvent(new TasksMadeDue(recovered));
        return new RecoverView(receiverId, since, end, recovered);
    }

    List<NotifyEndpoint> endpoints() {
        return endpoints.findAll();
    }

    @Transactional
    NotifyEndpoint disable(long id, String reason, String operator) {
        NotifyEndpoint endpoint = endpoints.findById(id).orElseThrow(() -> new EndpointNotFound(id));
        Instant now = now();
        String why = "disabled by " + operator + (reason == null || reason.isBlank() ? "" : ": " + reason);
        endpoints.disable(id, why, now);
        record(operator, "DISABLE_ENDPOINT", "endpoint/" + id, reason, now);
        log.info("endpoint {} {}", id, why);
        journal.append(null, JournalStep.ENDPOINT_DISABLED, "DISABLED", describe(endpoint) + " " + why);
        return endpoints.findById(id).orElseThrow();
    }

    /** Enables an endpoint; its waiting tasks become due at once, without losing their attempt counts. */
    @Transactional
    NotifyEndpoint enable(long id, String operator) {
        NotifyEndpoint before = endpoints.findById(id).orElseThrow(() -> new EndpointNotFound(id));
        Instant now = now();
        endpoints.enable(id, now);
        int waiting = tasks.dueNow(id, now);
        record(operator, "ENABLE_ENDPOINT", "endpoint/" + id,
                "was " + before.status() + (before.disabledReason() == null ? "" : " (" + before.disabledReason() + ")")
                        + "; " + waiting + " waiting tasks due now", now);
        log.info("endpoint {} enabled by {}: {} waiting tasks due now", id, operator, waiting);
        journal.append(null, JournalStep.ENDPOINT_ENABLED, "ENABLED", describe(before) + " enabled by " + operator
                + "; " + waiting + " waiting tasks due now");
        events.publishEvent(new TasksMadeDue(waiting));
        return endpoints.findById(id).orElseThrow();
    }

    List<OperatorAction> actions(int limit) {
        return actions.latest(limit);
    }

    private void record(String operator, String action, String target, String detail, Instant now) {
        String shortDetail = detail == null || detail.length() <= 255 ? detail : detail.substring(0, 255);
        actions.insert(operator, action, target, shortDetail, now);
    }

    private static String describe(NotifyEndpoint endpoint) {
        return "endpoint " + endpoint.id() + " of " + endpoint.receiverId() + " at " + endpoint.notifyUrl();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}

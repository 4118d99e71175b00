package org.besteffort.drills.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Tells the story of a pay the notify gateway delivers: its task appearing, each attempt with the gap since the one
 * before (by the gateway's clock) and the wait it plans next, the task's status, and what account-service makes of the
 * pay.
 */
class NotifyNarration implements Watch.Narration<NotifyNarration.Sight> {

    private final List<NotifyAttemptView> attempts = new ArrayList<>();
    private NotifyTaskView.Status status;
    private boolean noTaskTold;

    @Override
    public List<String> changes(Sight before, Sight now) {
        List<String> lines = new ArrayList<>();
        if (now.task().isEmpty()) {
            if (!noTaskTold) {
                lines.add("the gateway has no task for this pay yet");
                noTaskTold = true;
            }
        } else {
            lines.addAll(taskChanges(now.task().get()));
        }
        lines.addAll(RechargeNarration.changesOfAnnounced(before == null ? null : before.recharge(), now.recharge()));
        return lines;
    }

    private List<String> taskChanges(NotifyTaskDetailView detail) {
        List<String> lines = new ArrayList<>();
        NotifyTaskView task = detail.task();
        if (status == null) {
            lines.add("gateway task " + task.id() + " kept for " + task.receiverId() + " (webhook-id "
                    + task.webhookId() + "), to POST to " + detail.notifyUrl());
        }
        List<NotifyAttemptView> seen = detail.attempts();
        for (int i = attempts.size(); i < seen.size(); i++) {
            NotifyAttemptView attempt = seen.get(i);
            String since = "";
            if (!attempts.isEmpty()) {
                NotifyAttemptView previous = attempts.get(attempts.size() - 1);
                Duration gap = Duration.between(previous.startedAt(), attempt.startedAt());
                // The operator's reset starts the attempt numbers again.
                since = attempt.attemptNo() <= previous.attemptNo()
                        ? ", the first since the reset, " + Timeline.human(gap) + " after attempt "
                        + previous.attemptNo()
                        : ", " + Timeline.human(gap) + " after the one before";
            }
            attempts.add(attempt);
            String planned = "";
            if (i == seen.size() - 1 && task.pending() && !attempt.acknowledged() && task.nextAttemptAt() != null) {
                Duration wait = Duration.between(attempt.startedAt().plusMillis(attempt.latencyMs()),
                        task.nextAttemptAt());
                planned = "; next attempt planned " + Timeline.human(wait) + " later";
            }
            lines.add("attempt " + attempt.attemptNo() + since + " (gateway's clock): " + attempt.describe() + planned);
        }
        if (task.status() != status) {
            if (status != null || task.status() != NotifyTaskView.Status.PENDING) {
                lines.add(switch (task.status()) {
                    case PENDING -> "gateway task PENDING again, attempts " + task.attempts();
                    case SUCCEEDED -> "gateway task SUCCEEDED: acknowledged on attempt " + task.attempts();
                    case FAILED -> "gateway task FAILED after " + task.attempts() + " attempts: the schedule is "
                            + "exhausted; kept for an operator";
                });
            }
            status = task.status();
        }
        return lines;
    }

    /** Every attempt told, in order (an operator's reset starts the attempt numbers again). */
    List<NotifyAttemptView> attempts() {
        return List.copyOf(attempts);
    }

    /** The gaps between successive attempts, by the gateway's clock. */
    List<Duration> gaps() {
        List<Duration> gaps = new ArrayList<>();
        for (int i = 1; i < attempts.size(); i++) {
            gaps.add(Duration.between(attempts.get(i - 1).startedAt(), attempts.get(i).startedAt()));
        }
        return gaps;
    }

    /** One poll: the gateway's task with its attempts (empty until it took the pay) and the pay at account-service. */
    record Sight(Optional<NotifyTaskDetailView> task, Optional<RechargeView> recharge) {

        boolean taskIs(NotifyTaskView.Status wanted) {
            return task.isPresent() && task.get().task().status() == wanted;
        }

        boolean settled() {
            return recharge.isPresent() && !recharge.get().pending();
        }
    }
}

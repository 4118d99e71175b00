package org.besteffort.drills.scenario;

import java.util.List;

/**
 * One gateway task with where it goes and every attempt made, as {@code GET /operator/tasks/{id}} shows it.
 */
record NotifyTaskDetailView(NotifyTaskView task, String notifyUrl, List<NotifyAttemptView> attempts) {

    NotifyTaskDetailView {
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
    }
}

package org.besteffort.notify.operator;

import org.besteffort.notify.task.NotifyAttempt;
import org.besteffort.notify.task.NotifyEndpoint;

import java.util.List;

/**
 * One task with where it goes, what it sends, and every attempt made.
 */
record TaskDetailView(TaskView task, String notifyUrl, String payload, List<NotifyAttempt> attempts,
                      NotifyEndpoint endpoint) {
}

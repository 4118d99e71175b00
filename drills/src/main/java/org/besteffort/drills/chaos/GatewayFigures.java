package org.besteffort.drills.chaos;

import java.util.Map;

/**
 * What the notify gateway did in one drill, read from its own tables ({@code notify_task}, {@code notify_attempt}).
 *
 * @param tasks             tasks by status at the end
 * @param acknowledged      acknowledged tasks by the attempt that was acknowledged: attempt 1 or a later one
 * @param attempts          every HTTP attempt recorded, by outcome
 * @param acknowledgedTwice tasks with two acknowledged attempts: delivered again after the receiver had answered
 * @param attemptRows       attempts in the attempt log
 * @param attemptsCounted   attempts counted on the tasks: fewer than the log's when an attempt was answered after its
 *                          lease had been taken over, or an operator reset a task
 */
record GatewayFigures(Map<String, Integer> tasks, Map<String, Integer> acknowledged, Map<String, Integer> attempts,
                      int acknowledgedTwice, long attemptRows, long attemptsCounted) {
}

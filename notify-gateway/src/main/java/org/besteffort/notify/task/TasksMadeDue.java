package org.besteffort.notify.task;

/**
 * The fact "some tasks became due now" (an operator re-notified, recovered or enabled an endpoint): the dispatcher
 * looks at once instead of at its next interval.
 */
public record TasksMadeDue(int tasks) {
}

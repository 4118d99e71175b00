package org.besteffort.notify.task;

/**
 * The fact "some tasks became due now" (a pay result was kept, an operator re-notified, recovered or enabled an
 * endpoint), published inside the transaction that made them due: the dispatcher looks once it has committed instead
 * of at its next interval.
 */
public record TasksMadeDue(int tasks) {
}

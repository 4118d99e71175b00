package org.besteffort.console.timeline;

import java.time.Instant;

/**
 * One step of a pay's travel as the page draws it.
 *
 * @param label          what happened, in the course's words
 * @param credited       this step credited the balance
 * @param alreadyApplied this step brought the pay again after it was applied: nothing changed
 */
public record TimelineStep(String service, Instant at, String step, Integer attempt, String outcome, String label,
                           String detail, boolean credited, boolean alreadyApplied) {
}

package org.besteffort.drills.scenario;

/**
 * One narrated scenario: what the trainee is about to see, and the run against the stack that shows it.
 */
interface Scenario {

    /** The command-line name, such as {@code active-query}. */
    String name();

    /** One line: which course scenario or exercise this is. */
    String title();

    /** One or two sentences: what the trainee is about to see. */
    String header();

    /** Runs it, printing each step on the timeline; leaves every fault switch as it found it. */
    Verdict run(Stack stack, Timeline timeline);
}

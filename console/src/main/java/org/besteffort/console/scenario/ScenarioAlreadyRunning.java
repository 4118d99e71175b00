package org.besteffort.console.scenario;

/**
 * A scenario was asked for while another one runs: they flip the same fault switches, so one at a time.
 */
public class ScenarioAlreadyRunning extends RuntimeException {

    ScenarioAlreadyRunning(String running) {
        super("scenario " + running + " is running; wait for its verdict");
    }
}

package org.besteffort.console.scenario;

/**
 * The page asked for a scenario the drills do not have.
 */
public class NoSuchScenario extends RuntimeException {

    NoSuchScenario(String name) {
        super("no scenario named " + name);
    }
}

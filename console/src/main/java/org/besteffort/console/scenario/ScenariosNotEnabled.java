package org.besteffort.console.scenario;

/**
 * Scenarios flip fault switches, which only the local profile has: elsewhere the console does not run them.
 */
public class ScenariosNotEnabled extends RuntimeException {

    ScenariosNotEnabled() {
        super("scenarios run only against the local stack (console.scenarios=true)");
    }
}

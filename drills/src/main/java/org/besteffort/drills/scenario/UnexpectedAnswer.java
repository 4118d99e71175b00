package org.besteffort.drills.scenario;

/**
 * A service answered something a scenario cannot carry on from; the run ends as "not as expected".
 */
class UnexpectedAnswer extends RuntimeException {

    UnexpectedAnswer(String message) {
        super(message);
    }
}

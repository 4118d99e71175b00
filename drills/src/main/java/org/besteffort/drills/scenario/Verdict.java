package org.besteffort.drills.scenario;

/**
 * How a scenario ended: as the course says it should, or not; and the one line that says so with measured figures.
 */
record Verdict(boolean expected, String summary) {

    static Verdict expected(String summary) {
        return new Verdict(true, summary);
    }

    static Verdict unexpected(String summary) {
        return new Verdict(false, summary);
    }

    String line() {
        return (expected ? "Result: as expected. " : "Result: NOT as expected. ") + summary;
    }
}

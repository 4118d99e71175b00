package org.besteffort.drills.scenario;

import java.time.Instant;

/**
 * One HTTP attempt of the notify gateway, as its operator API shows it.
 *
 * @param startedAt  by the gateway's clock
 * @param httpStatus null when no answer came
 */
record NotifyAttemptView(int attemptNo, Instant startedAt, int latencyMs, Integer httpStatus, Outcome outcome,
                         String responseExcerpt, String error) {

    /** "503 THROTTLED in 4 ms: down (fault switch)", "no answer (connection refused) after 2 ms". */
    String describe() {
        if (httpStatus == null) {
            return "no answer (" + error + ") after " + latencyMs + " ms, " + outcome;
        }
        String answer = responseExcerpt == null || responseExcerpt.isBlank() ? ""
                : ": \"" + responseExcerpt.strip() + "\"";
        return httpStatus + " " + outcome + " in " + latencyMs + " ms" + answer;
    }

    boolean acknowledged() {
        return outcome == Outcome.ACKED;
    }

    /** How one attempt ended, as the gateway judged it. */
    enum Outcome { ACKED, REFUSED, THROTTLED, GONE, UNREACHABLE }
}

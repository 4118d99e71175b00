package org.besteffort.account.receiver;

/**
 * What became of one {@link Arrival} of a batch: its outcome, or the failure that left it unapplied (the database
 * went away, say), which the caller retries as it retries a single apply.
 */
public record Handled(Arrival arrival, ApplyOutcome outcome, RuntimeException failure) {

    static Handled as(Arrival arrival, ApplyOutcome outcome) {
        return new Handled(arrival, outcome, null);
    }

    static Handled failed(Arrival arrival, RuntimeException failure) {
        return new Handled(arrival, null, failure);
    }

    public boolean isFailed() {
        return failure != null;
    }
}

package org.besteffort.drills.scenario;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * What account-service answers for a recharge ({@code /recharges/{txNo}}): where it stands and what settled it.
 */
record RechargeView(String txNo, String accountNo, BigDecimal amount, Status status, SettledBy settledBy,
                    Integer settledAttempt, Origin origin, int reconciliationQueries, Instant createdAt,
                    Instant updatedAt) {

    boolean pending() {
        return status == Status.PENDING;
    }

    boolean settledBy(SettledBy path) {
        return status == Status.SETTLED && settledBy == path;
    }

    /** The path and the attempt, as a trainee reads them: "MESSAGE on delivery 3". */
    String path() {
        if (settledBy == null) {
            return "no path";
        }
        return switch (settledBy) {
            case MESSAGE -> "MESSAGE on delivery " + settledAttempt;
            case NOTIFY -> "NOTIFY on attempt " + settledAttempt;
            case RECONCILIATION -> "RECONCILIATION on query " + settledAttempt;
            case STATEMENT -> "STATEMENT";
        };
    }

    /** The outcome in a few words: "SETTLED by MESSAGE on delivery 1", "PENDING". */
    String outcome() {
        return status == Status.SETTLED ? "SETTLED by " + path() : String.valueOf(status);
    }

    /** "1 reconciliation query", "3 reconciliation queries". */
    String queries() {
        return reconciliationQueries + " reconciliation " + (reconciliationQueries == 1 ? "query" : "queries");
    }

    /** From recording to the last change, by account-service's own clock. */
    Duration recordedToUpdated() {
        return Duration.between(createdAt, updatedAt);
    }

    /** The recharge states of account-service. */
    enum Status { PENDING, SETTLED, FAILED, EXPIRED }

    /** The paths that can settle a recharge. */
    enum SettledBy { MESSAGE, NOTIFY, RECONCILIATION, STATEMENT }

    /** How account-service came to know the pay. */
    enum Origin { STARTED_HERE, ANNOUNCED }
}

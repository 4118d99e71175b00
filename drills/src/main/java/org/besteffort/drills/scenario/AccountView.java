package org.besteffort.drills.scenario;

import java.math.BigDecimal;

/**
 * What account-service answers for an account.
 */
record AccountView(String accountNo, String accountName, BigDecimal accountBalance) {

    /** "balance of account 1: 150.00". */
    String balanceLine() {
        return "balance of account " + accountNo + ": " + accountBalance.toPlainString();
    }

    /** "balance of account 1: 160.00 (+10.00)", the move counted from {@code before}. */
    String balanceLine(AccountView before) {
        BigDecimal moved = movedSince(before);
        return balanceLine() + " (" + (moved.signum() >= 0 ? "+" : "") + moved.toPlainString() + ")";
    }

    BigDecimal movedSince(AccountView before) {
        return accountBalance.subtract(before.accountBalance());
    }
}

package org.besteffort.account.receiver;

/**
 * What fits the columns of {@code parked_notification} (sql/bank1/), in characters unless said otherwise. A value
 * longer than its column is parked cut to it.
 */
final class ParkedColumns {

    static final int TX_NO = 64;
    static final int ACCOUNT_NO = 32;
    static final int REASON = 255;
    /** MEDIUMTEXT holds 16 MiB - 1 bytes; utf8mb4 takes up to 4 bytes a character. */
    static final int PAYLOAD = (16 * 1024 * 1024 - 1) / 4;
    /** DECIMAL(18,2): 16 digits before the point. */
    static final int AMOUNT_INTEGER_DIGITS = 16;

    private ParkedColumns() {
    }
}

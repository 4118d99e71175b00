package org.besteffort.account.receiver;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A notification the receiver will not apply, as an operator reads it: why, and how often it came.
 */
record ParkedNotification(String txNo, String accountNo, BigDecimal amount, String reason, String payload,
                          int timesSeen, Instant parkedAt) {
}

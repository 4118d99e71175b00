package org.besteffort.notify.operator;

import java.time.Instant;

/**
 * One thing an operator did, as kept in {@code operator_action}.
 *
 * @param action RENOTIFY, RECOVER, DISABLE_ENDPOINT or ENABLE_ENDPOINT
 * @param target what it was done to: {@code task/12}, {@code receiver/bank1}, {@code endpoint/3}
 */
record OperatorAction(long id, String operator, String action, String target, String detail, Instant createdAt) {
}

package org.besteffort.notify.operator;

import java.time.Instant;

/**
 * What a recover did: how many FAILED tasks of the window are due again.
 */
record RecoverView(String receiverId, Instant since, Instant until, int tasks) {
}

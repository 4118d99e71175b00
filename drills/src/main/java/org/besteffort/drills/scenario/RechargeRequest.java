package org.besteffort.drills.scenario;

import java.math.BigDecimal;

/**
 * The body of {@code POST /recharges}.
 */
record RechargeRequest(String accountNo, BigDecimal amount) {
}

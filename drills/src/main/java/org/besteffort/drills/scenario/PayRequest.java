package org.besteffort.drills.scenario;

import java.math.BigDecimal;

/**
 * The body of {@code POST /paydo}; a txNo of our own makes the request repeatable.
 */
record PayRequest(String accountNo, BigDecimal payAmount, String txNo) {
}

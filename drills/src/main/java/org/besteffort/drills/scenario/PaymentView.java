package org.besteffort.drills.scenario;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What pay-service answers for a pay ({@code /paydo}, {@code /payresult/{txNo}}).
 */
record PaymentView(String txNo, String accountNo, BigDecimal payAmount, String result, Instant paidAt) {
}

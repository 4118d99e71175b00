package org.besteffort.account.reconciliation;

import org.besteffort.common.PayResult;
import org.besteffort.common.PayResultMessage;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A pay as pay-service's {@code /paydo} and {@code /payresult/{txNo}} show it.
 */
public record PayResultView(String txNo, String accountNo, BigDecimal payAmount, PayResult result,
                            Instant paidAt) {

    /** The same fact a notification would have carried, for the shared applier. */
    PayResultMessage toMessage() {
        return PayResultMessage.of(txNo, accountNo, payAmount, result, paidAt);
    }
}

package org.besteffort.account.reconciliation;

import java.util.List;

/**
 * A page of pay-service's statement as the receiver reads it.
 */
public record StatementPageView(List<PayResultView> pays, String next) {
}

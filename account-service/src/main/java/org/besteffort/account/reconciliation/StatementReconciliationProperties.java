package org.besteffort.account.reconciliation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the statement job reads pay-service's statement.
 *
 * @param interval        pause between two rounds
 * @param pageSize        pays per page
 * @param maxPagesPerRound pages read in one round before yielding to the next round
 * @param lease           how long one instance holds the cursor; another instance reads on only after it
 */
@ConfigurationProperties("statement-reconciliation")
record StatementReconciliationProperties(@DefaultValue("60s") Duration interval,
                                         @DefaultValue("200") int pageSize,
                                         @DefaultValue("50") int maxPagesPerRound,
                                         @DefaultValue("60s") Duration lease) {
}

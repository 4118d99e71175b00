package org.besteffort.account.reconciliation;

import org.besteffort.account.recharge.Recharge;
import org.besteffort.account.recharge.RechargeMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;

/**
 * Claims a batch of due pending recharges for this instance, safely when several instances run.
 */
@Component
class DueRecharges {

    private final RechargeMapper recharges;
    private final ReconciliationProperties properties;

    DueRecharges(RechargeMapper recharges, ReconciliationProperties properties) {
        this.recharges = recharges;
        this.properties = properties;
    }

    /** Locks (SKIP LOCKED) and leases the batch in one short transaction; the remote calls come after it. */
    @Transactional
    List<Recharge> claim(Instant now) {
        List<Recharge> due = recharges.lockDue(now, now.minus(properties.grace()), properties.batchSize());
        if (!due.isEmpty()) {
            recharges.lease(due.stream().map(Recharge::txNo).toList(), now.plus(properties.lease()));
        }
        return due;
    }
}

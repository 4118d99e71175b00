package org.besteffort.account.reconciliation;

import feign.FeignException;
import io.micrometer.core.instrument.MeterRegistry;
import org.besteffort.account.receiver.PayResultApplier;
import org.besteffort.account.recharge.Recharge;
import org.besteffort.account.recharge.RechargeMapper;
import org.besteffort.account.recharge.SettledBy;
import org.besteffort.common.journal.Journal;
import org.besteffort.common.journal.JournalStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The active query (主动查询): asks pay-service how each pending recharge ended and settles it through the
 * same applier as the listener.
 */
@Component
class PayResultReconciliationJob {

    private static final Logger log = LoggerFactory.getLogger(PayResultReconciliationJob.class);

    private final DueRecharges dueRecharges;
    private final RechargeMapper recharges;
    private final PayServiceClient payService;
    private final PayResultApplier applier;
    private final ReconciliationProperties properties;
    private final MeterRegistry meters;
    private final Journal journal;
    private final Clock clock;

    // Guarded by the job's monitor: rounds never overlap, whether the scheduler (fixed delay) or anyone else starts
    // them; one started while another runs waits for it.
    private int unreachableRounds;
    private Instant pausedUntil = Instant.MIN;

    PayResultReconciliationJob(DueRecharges dueRecharges, RechargeMapper recharges, PayServiceClient payService,
                               PayResultApplier applier, ReconciliationProperties properties, MeterRegistry meters,
                               Journal journal, Clock clock) {
        this.dueRecharges = dueRecharges;
        this.recharges = recharges;
        this.payService = payService;
        this.applier = applier;
        this.properties = properties;
        this.meters = meters;
        this.journal = journal;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${reconciliation.interval:30s}", initialDelayString = "${reconciliation.interval:30s}")
    synchronized void reconcile() {
        Instant now = clock.instant();
        if (now.isBefore(pausedUntil)) {
            return;
        }
        List<Recharge> claimed = dueRecharges.claim(now);
        for (Recharge recharge : claimed) {
            if (!reconcile(recharge)) {
                // pay-service is unreachable: the rest of the batch keeps its lease and is tried later.
                pauseAfterFailedRound();
                return;
            }
        }
        if (unreachableRounds > 0 && !claimed.isEmpty()) {
            log.info("pay-service answers again after {} unreachable rounds", unreachableRounds);
            unreachableRounds = 0;
        }
    }

    /** Settles, fails, reschedules or expires one recharge; false if pay-service could not be asked. */
    private boolean reconcile(Recharge recharge) {
        String txNo = recharge.txNo();
        try (var ignored = MDC.putCloseable("txNo", txNo)) {
            PayResultView pay;
            try {
                pay = payService.payResult(txNo);
            } catch (FeignException.NotFound unknown) {
                notKnownYet(recharge);
                return true;
            } catch (RuntimeException unreachable) {
                count("unreachable");
                if (unreachableRounds == 0) {
                    log.warn("pay-service unreachable while reconciling pay {}: {}", txNo, unreachable.toString());
                }
                journal.append(txNo, JournalStep.QUERIED, recharge.attempts() + 1, "UNREACHABLE",
                        recharge.accountNo(), recharge.amount(), unreachable.toString());
                return false;
            }
            var outcome = applier.apply(pay.toMessage(), SettledBy.RECONCILIATION, recharge.attempts() + 1);
            count(pay.result().name().toLowerCase());
            log.info("pay {} reconciled after {} queries: {} {}", txNo, recharge.attempts() + 1, pay.result(),
                    outcome);
            return true;
        }
    }

    private void notKnownYet(Recharge recharge) {
        Instant now = clock.instant();
        if (now.isAfter(recharge.createdAt().plus(properties.deadline()))) {
            int expired = recharges.expire(recharge.txNo(), now);
            count("expired");
            log.warn("pay {} expired: pay-service never recorded it within {}", recharge.txNo(),
                    properties.deadline());
            journalUnknown(recharge, "past the deadline of " + properties.deadline());
            if (expired == 1) {
                journal.append(recharge.txNo(), JournalStep.EXPIRED, null, "EXPIRED", recharge.accountNo(),
                        recharge.amount(), "pay-service never recorded it within " + properties.deadline());
            }
            return;
        }
        Duration wait = properties.backoff(properties.interval(), recharge.attempts() + 1);
        recharges.reschedule(recharge.txNo(), now.plus(wait), now);
        count("unknown");
        log.info("pay {} not known to pay-service yet; asking again in {}", recharge.txNo(), wait);
        journalUnknown(recharge, "asking again in " + wait);
    }

    private void journalUnknown(Recharge recharge, String then) {
        journal.append(recharge.txNo(), JournalStep.QUERIED, recharge.attempts() + 1, "UNKNOWN", recharge.accountNo(),
                recharge.amount(), "pay-service has no such pay yet; " + then);
    }

    private void count(String outcome) {
        meters.counter("notify.reconciliation", "outcome", outcome).increment();
    }

    private void pauseAfterFailedRound() {
        unreachableRounds++;
        Duration pause = properties.backoff(properties.interval(), unreachableRounds);
        pausedUntil = clock.instant().plus(pause);
        if (unreachableRounds > 1) {
            log.debug("pay-service still unreachable ({} rounds); next round in {}", unreachableRounds, pause);
        }
    }
}

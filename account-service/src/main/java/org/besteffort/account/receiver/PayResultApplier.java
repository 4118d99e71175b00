package org.besteffort.account.receiver;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.besteffort.account.account.AccountMapper;
import org.besteffort.account.account.AccountNotFound;
import org.besteffort.account.recharge.RechargeMapper;
import org.besteffort.account.recharge.SettledBy;
import org.besteffort.common.PayResult;
import org.besteffort.common.PayResultMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Applies a pay result to the balance at most once, whichever path brings it and however often.
 */
@Component
public class PayResultApplier {

    private static final Logger log = LoggerFactory.getLogger(PayResultApplier.class);

    private final DeduplicationMapper deduplication;
    private final AccountMapper accounts;
    private final RechargeMapper recharges;
    private final ParkedNotificationMapper parked;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final MeterRegistry meters;
    private final Clock clock;

    PayResultApplier(DeduplicationMapper deduplication, AccountMapper accounts, RechargeMapper recharges,
                     ParkedNotificationMapper parked, TransactionTemplate transaction,
                     ApplicationEventPublisher events, MeterRegistry meters, Clock clock) {
        this.deduplication = deduplication;
        this.accounts = accounts;
        this.recharges = recharges;
        this.parked = parked;
        this.transaction = transaction;
        this.events = events;
        this.meters = meters;
        this.clock = clock;
    }

    /** {@link #apply(PayResultMessage, SettledBy, int)} for a first attempt. */
    public ApplyOutcome apply(PayResultMessage result, SettledBy path) {
        return apply(result, path, 1);
    }

    /**
     * Applies one pay result in one local transaction. Safe to call again, and concurrently, with the same txNo.
     * Throws only on a transient failure (say, the database is down), which the caller may retry.
     *
     * @param attempt which delivery (by message) or query (by reconciliation) brought it, recorded if it settles
     */
    public ApplyOutcome apply(PayResultMessage result, SettledBy path, int attempt) {
        ApplyOutcome outcome;
        try {
            outcome = transaction.execute(status -> applyOnce(result, path, attempt));
            if (outcome == ApplyOutcome.ALREADY_APPLIED) {
                log.debug("pay {} via {}: {}", result.txNo(), path, outcome);
            } else {
                log.info("pay {} via {}: {}", result.txNo(), path, outcome);
            }
        } catch (AccountNotFound | PayContradictsRecharge permanent) {
            // Retrying cannot change either: park it where an operator sees it and let the caller move on.
            String reason = permanent instanceof AccountNotFound ? "unknown account " + result.accountNo()
                    : permanent.getMessage();
            park(result.txNo(), result.accountNo(), result.amount(), reason,
                    new String(result.toJson(), StandardCharsets.UTF_8));
            outcome = ApplyOutcome.PARKED;
        }
        meters.counter("notify.applied", "path", path.name(), "outcome", outcome.name()).increment();
        if (outcome == ApplyOutcome.CREDITED) {
            // From the pay's commit at the notifier to the credit here: what "eventually" costs.
            Timer.builder("notify.settle.latency").tag("path", path.name()).publishPercentileHistogram()
                    .register(meters).record(Duration.between(result.paidAt(), clock.instant()));
        }
        events.publishEvent(new PayResultApplied(result.txNo(), path, outcome, attempt, result.accountNo(),
                result.amount()));
        return outcome;
    }

    /**
     * Which of these txNos were applied before, in one read: lets a caller holding many (a statement page) skip
     * them without a transaction each. Only a shortcut: {@link #apply} stays the judge of what is applied.
     */
    public Set<String> alreadyApplied(Collection<String> txNos) {
        return txNos.isEmpty() ? Set.of() : new HashSet<>(deduplication.appliedAmong(txNos));
    }

    /** Parks a notification that can never be applied, or that this receiver refuses to apply. */
    public void park(String txNo, String accountNo, BigDecimal amount, String reason, String payload) {
        parked.park(txNo, accountNo, amount, reason, payload, now());
        log.warn("pay {} parked, not applied: {}", txNo, reason);
    }

    private ApplyOutcome applyOnce(PayResultMessage result, SettledBy path, int attempt) {
        Instant now = now();
        if (result.result() == PayResult.FAIL) {
            if (recharges.markFailed(result.txNo(), now) == 0) {
                recharges.recordFailedIfUnknown(result.txNo(), result.accountNo(), result.amount(), now);
            }
            return ApplyOutcome.PAY_FAILED;
        }
        try {
            deduplication.insert(result.txNo(), now);
        } catch (DuplicateKeyException alreadyApplied) {
            return ApplyOutcome.ALREADY_APPLIED;
        }
        if (accounts.credit(result.accountNo(), result.amount()) == 0) {
            throw new AccountNotFound(result.accountNo()); // rolls back the de_duplication row too
        }
        if (recharges.settleKnown(result.txNo(), result.accountNo(), result.amount(), path, attempt, now) == 0) {
            try {
                recharges.recordSettledElsewhere(result.txNo(), result.accountNo(), result.amount(), path, attempt,
                        now);
            } catch (DuplicateKeyException contradicted) {
                // A recharge started here names another account or amount (an order altered on its way to the
                // cashier, say): the pay is not the one it waits for. Rolls back the credit, whichever path brought it.
                throw new PayContradictsRecharge(result.txNo());
            }
        }
        return ApplyOutcome.CREDITED;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}

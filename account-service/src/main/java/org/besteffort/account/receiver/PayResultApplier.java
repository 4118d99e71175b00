package org.besteffort.account.receiver;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.besteffort.account.account.AccountMapper;
import org.besteffort.account.account.AccountNotFound;
import org.besteffort.account.recharge.RechargeMapper;
import org.besteffort.account.recharge.SettledBy;
import org.besteffort.account.recharge.SettledPay;
import org.besteffort.common.PayResult;
import org.besteffort.common.PayResultMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

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
        } catch (AccountNotFound | PayContradictsRecharge permanent) {
            // Retrying cannot change either: park it where an operator sees it and let the caller move on.
            String reason = permanent instanceof AccountNotFound ? "unknown account " + result.accountNo()
                    : permanent.getMessage();
            park(result.txNo(), result.accountNo(), result.amount(), reason,
                    new String(result.toJson(), StandardCharsets.UTF_8));
            outcome = ApplyOutcome.PARKED;
        }
        recordApplied(result, path, attempt, outcome);
        return outcome;
    }

    /**
     * Applies a batch of pay results in one local transaction: one read and one insert of their txNos into
     * {@code de_duplication}, one update of the balances, one record of the recharges, one commit. Each txNo is still
     * decided by the {@code de_duplication} primary key: a txNo applied before, or twice in the batch, is credited
     * once. If the batch cannot stand as a whole (a result names an unknown account or contradicts a recharge, or a
     * concurrent apply of the same txNo won its key first), it is rolled back and each result applied on its own, so
     * that one bad result decides only its own fate.
     *
     * @return one {@link Handled} per arrival, in order; a failed one was not applied and may be retried
     * @throws DataAccessResourceFailureException, CannotCreateTransactionException when the database cannot be reached:
     *         nothing of the batch was applied
     */
    public List<Handled> applyAll(List<Arrival> arrivals, SettledBy path) {
        if (arrivals.size() == 1) {
            return List.of(applyAlone(arrivals.get(0), path));
        }
        List<ApplyOutcome> outcomes;
        try {
            outcomes = transaction.execute(status -> applyTogether(arrivals, path));
        } catch (CannotCreateTransactionException | DataAccessResourceFailureException unreachable) {
            throw unreachable; // one at a time would only wait as long for each
        } catch (RuntimeException cannotStandTogether) {
            log.info("batch of {} pay results not applied together ({}): applying each on its own", arrivals.size(),
                    NestedExceptionUtils.getMostSpecificCause(cannotStandTogether).toString());
            meters.counter("notify.batch.split", "path", path.name()).increment();
            return arrivals.stream().map(arrival -> applyAlone(arrival, path)).toList();
        }
        List<Handled> handled = new ArrayList<>(arrivals.size());
        for (int i = 0; i < arrivals.size(); i++) {
            Arrival arrival = arrivals.get(i);
            recordApplied(arrival.result(), path, arrival.attempt(), outcomes.get(i));
            handled.add(Handled.as(arrival, outcomes.get(i)));
        }
        return handled;
    }

    private Handled applyAlone(Arrival arrival, SettledBy path) {
        try {
            return Handled.as(arrival, apply(arrival.result(), path, arrival.attempt()));
        } catch (RuntimeException failed) {
            return Handled.failed(arrival, failed);
        }
    }

    /** After a transaction that applied a result: the log line, the counters, the event. */
    private void recordApplied(PayResultMessage result, SettledBy path, int attempt, ApplyOutcome outcome) {
        if (outcome == ApplyOutcome.ALREADY_APPLIED) {
            log.debug("pay {} via {}: {}", result.txNo(), path, outcome);
        } else {
            log.info("pay {} via {}: {}", result.txNo(), path, outcome);
        }
        meters.counter("notify.applied", "path", path.name(), "outcome", outcome.name()).increment();
        if (outcome == ApplyOutcome.CREDITED) {
            // From the pay's commit at the notifier to the credit here: what "eventually" costs.
            Timer.builder("notify.settle.latency").tag("path", path.name()).publishPercentileHistogram()
                    .register(meters).record(Duration.between(result.paidAt(), clock.instant()));
        }
        events.publishEvent(new PayResultApplied(result.txNo(), path, outcome, attempt, result.accountNo(),
                result.amount()));
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
            return recordFailedPay(result, now);
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

    /**
     * The batch's transaction: what {@link #applyOnce} does for each result, a statement per step for all of them.
     * Throws to roll the whole batch back when one of them cannot stand; the caller then applies each on its own.
     */
    private List<ApplyOutcome> applyTogether(List<Arrival> arrivals, SettledBy path) {
        Instant now = now();
        ApplyOutcome[] outcomes = new ApplyOutcome[arrivals.size()];
        // The successful pays, one per txNo: a second copy in the same batch was applied by the first.
        Map<String, Integer> firstCopy = new LinkedHashMap<>();
        for (int i = 0; i < arrivals.size(); i++) {
            PayResultMessage result = arrivals.get(i).result();
            if (result.result() == PayResult.FAIL) {
                outcomes[i] = recordFailedPay(result, now);
            } else if (firstCopy.putIfAbsent(result.txNo(), i) != null) {
                outcomes[i] = ApplyOutcome.ALREADY_APPLIED;
            }
        }
        Set<String> appliedBefore = alreadyApplied(firstCopy.keySet());
        List<Arrival> crediting = new ArrayList<>();
        firstCopy.forEach((txNo, i) -> {
            if (appliedBefore.contains(txNo)) {
                outcomes[i] = ApplyOutcome.ALREADY_APPLIED;
            } else {
                outcomes[i] = ApplyOutcome.CREDITED;
                crediting.add(arrivals.get(i));
            }
        });
        if (crediting.isEmpty()) {
            return List.of(outcomes);
        }
        // The key still decides: a concurrent apply that inserted one of these since the read fails this insert.
        deduplication.insertAll(crediting.stream().map(arrival -> arrival.result().txNo()).toList(), now);
        Set<String> startedHere = new HashSet<>(recharges.knownAmong(
                crediting.stream().map(arrival -> arrival.result().txNo()).toList()));
        List<SettledPay> madeElsewhere = new ArrayList<>();
        Map<String, BigDecimal> credits = new TreeMap<>();
        for (Arrival arrival : crediting) {
            PayResultMessage result = arrival.result();
            if (!startedHere.contains(result.txNo())) {
                madeElsewhere.add(new SettledPay(result.txNo(), result.accountNo(), result.amount(), arrival.attempt()));
            } else if (recharges.settleKnown(result.txNo(), result.accountNo(), result.amount(), path,
                    arrival.attempt(), now) == 0) {
                throw new PayContradictsRecharge(result.txNo());
            }
            credits.merge(result.accountNo(), result.amount(), BigDecimal::add);
        }
        if (!madeElsewhere.isEmpty()) {
            recharges.recordAllSettledElsewhere(madeElsewhere, path, now);
        }
        // Last, so that the accounts' rows stay locked only until the commit that follows.
        if (accounts.creditAll(credits) != credits.size()) {
            throw new AccountNotFound("one of " + credits.keySet());
        }
        return List.of(outcomes);
    }

    private ApplyOutcome recordFailedPay(PayResultMessage result, Instant now) {
        if (recharges.markFailed(result.txNo(), now) == 0) {
            recharges.recordFailedIfUnknown(result.txNo(), result.accountNo(), result.amount(), now);
        }
        return ApplyOutcome.PAY_FAILED;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}

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
import java.util.LinkedHashSet;
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
            if (result.accountNo().length() > ParkedColumns.ACCOUNT_NO) {
                throw new AccountNotFound(result.accountNo()); // no account number is that long, nor any column
            }
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
        // Whatever does not fit its column is cut, and the reason says so: a park that failed on a 300-character key
        // would leave the message to be redelivered, and parked in vain, until the broker gave up on it.
        List<String> cut = new ArrayList<>();
        String key = fit("key", txNo, ParkedColumns.TX_NO, cut);
        String account = fit("account", accountNo, ParkedColumns.ACCOUNT_NO, cut);
        String body = fit("body", payload, ParkedColumns.PAYLOAD, cut);
        BigDecimal fittingAmount = amount;
        if (amount != null && amount.precision() - amount.scale() > ParkedColumns.AMOUNT_INTEGER_DIGITS) {
            fittingAmount = null;
            cut.add("amount " + amount.toPlainString() + " left out");
        }
        String why = cut.isEmpty() ? reason : reason + " (" + String.join("; ", cut) + ")";
        why = why.length() > ParkedColumns.REASON ? why.substring(0, ParkedColumns.REASON - 1) + "…" : why;
        parked.park(key, account, fittingAmount, why, body, now());
        log.warn("pay {} parked, not applied: {}", key, why);
    }

    private static String fit(String what, String value, int columnLength, List<String> cut) {
        if (value == null || value.length() <= columnLength) {
            return value;
        }
        cut.add(what + " truncated from " + value.length() + " to " + columnLength + " characters");
        return value.substring(0, columnLength);
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
        try {
            recharges.recordSettledElsewhere(result.txNo(), result.accountNo(), result.amount(), path, attempt, now);
        } catch (DuplicateKeyException startedHere) {
            settleStartedHere(result, path, attempt, now);
        }
        // Last, so that the account's row stays locked only until the commit that follows.
        if (accounts.credit(result.accountNo(), result.amount()) == 0) {
            throw new AccountNotFound(result.accountNo()); // rolls back the de_duplication row too
        }
        return ApplyOutcome.CREDITED;
    }

    /**
     * The batch's transaction: what {@link #applyOnce} does for each result, a statement per step for all of them:
     * the {@code de_duplication} keys, the recharge records, the balances, then one commit. Throws to roll the whole
     * batch back when one of them cannot stand; the caller then applies each on its own.
     */
    private List<ApplyOutcome> applyTogether(List<Arrival> arrivals, SettledBy path) {
        Instant now = now();
        ApplyOutcome[] outcomes = new ApplyOutcome[arrivals.size()];
        List<Arrival> crediting = new ArrayList<>();
        Set<String> txNos = new LinkedHashSet<>();
        for (int i = 0; i < arrivals.size(); i++) {
            PayResultMessage result = arrivals.get(i).result();
            if (result.result() == PayResult.FAIL) {
                outcomes[i] = recordFailedPay(result, now);
            } else if (txNos.add(result.txNo())) {
                outcomes[i] = ApplyOutcome.CREDITED;
                crediting.add(arrivals.get(i));
            } else {
                outcomes[i] = ApplyOutcome.ALREADY_APPLIED; // its first copy in this batch applies it
            }
        }
        if (crediting.isEmpty()) {
            return List.of(outcomes);
        }
        // Insert first, no read before: the key decides. A txNo applied before, or by a concurrent apply, fails the
        // whole insert, and the batch is applied one by one, where that txNo turns out ALREADY_APPLIED.
        deduplication.insertAll(txNos, now);
        List<SettledPay> settled = crediting.stream().map(arrival -> new SettledPay(arrival.result().txNo(),
                arrival.result().accountNo(), arrival.result().amount(), arrival.attempt())).toList();
        try {
            recharges.recordAllSettledElsewhere(settled, path, now);
        } catch (DuplicateKeyException someStartedHere) {
            // The insert failed as a whole (nothing of it stands): settle those started here, record the others.
            Set<String> startedHere = new HashSet<>(recharges.knownAmong(txNos));
            for (Arrival arrival : crediting) {
                if (startedHere.contains(arrival.result().txNo())) {
                    settleStartedHere(arrival.result(), path, arrival.attempt(), now);
                }
            }
            List<SettledPay> elsewhere = settled.stream().filter(pay -> !startedHere.contains(pay.txNo())).toList();
            if (!elsewhere.isEmpty()) {
                recharges.recordAllSettledElsewhere(elsewhere, path, now);
            }
        }
        Map<String, BigDecimal> credits = new TreeMap<>();
        crediting.forEach(arrival -> credits.merge(arrival.result().accountNo(), arrival.result().amount(),
                BigDecimal::add));
        // Last, so that the accounts' rows stay locked only until the commit that follows.
        if (accounts.creditAll(credits) != credits.size()) {
            throw new AccountNotFound("one of " + credits.keySet());
        }
        return List.of(outcomes);
    }

    /** A pay for a recharge this receiver started: settled if it is the pay the recharge waits for. */
    private void settleStartedHere(PayResultMessage result, SettledBy path, int attempt, Instant now) {
        if (recharges.settleKnown(result.txNo(), result.accountNo(), result.amount(), path, attempt, now) == 0) {
            // It names another account or amount (an order altered on its way to the cashier, say): the pay is not
            // the one the recharge waits for. Rolls back the credit, whichever path brought it.
            throw new PayContradictsRecharge(result.txNo());
        }
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

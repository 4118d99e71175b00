package org.besteffort.account.reconciliation;

import io.micrometer.core.instrument.MeterRegistry;
import org.besteffort.account.receiver.ApplyOutcome;
import org.besteffort.account.receiver.Arrival;
import org.besteffort.account.receiver.Handled;
import org.besteffort.account.receiver.PayResultApplier;
import org.besteffort.account.recharge.SettledBy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Statement reconciliation (对账): pages through pay-service's settled pays from a persisted cursor and applies each
 * through the same applier. It finds what nothing else can: a pay made directly at {@code /paydo} whose
 * notification was lost, which no pending recharge points to.
 */
@Component
class StatementReconciliationJob {

    private static final Logger log = LoggerFactory.getLogger(StatementReconciliationJob.class);
    private static final String CURSOR = "statement";

    private final ReconciliationCursorMapper cursors;
    private final PayServiceClient payService;
    private final PayResultApplier applier;
    private final StatementReconciliationProperties properties;
    private final MeterRegistry meters;
    private final Clock clock;

    // Touched only by the scheduler thread.
    private boolean unreachable;

    StatementReconciliationJob(ReconciliationCursorMapper cursors, PayServiceClient payService,
                               PayResultApplier applier, StatementReconciliationProperties properties,
                               MeterRegistry meters, Clock clock) {
        this.cursors = cursors;
        this.payService = payService;
        this.applier = applier;
        this.properties = properties;
        this.meters = meters;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${statement-reconciliation.interval:60s}",
            initialDelayString = "${statement-reconciliation.interval:60s}")
    void reconcile() {
        Instant now = clock.instant();
        if (cursors.lease(CURSOR, now, now.plus(properties.lease())) == 0) {
            return; // another instance is reading the statement
        }
        try {
            readPages();
        } finally {
            cursors.release(CURSOR, clock.instant());
        }
    }

    private void readPages() {
        String position = cursors.position(CURSOR);
        for (int page = 0; page < properties.maxPagesPerRound(); page++) {
            StatementPageView statement;
            try {
                statement = payService.statement(position, properties.pageSize());
            } catch (RuntimeException e) {
                if (!unreachable) {
                    log.warn("pay-service unreachable while reading its statement: {}", e.toString());
                }
                unreachable = true;
                return;
            }
            if (unreachable) {
                log.info("pay-service answers statements again");
                unreachable = false;
            }
            int settled = 0;
            // Most lines were credited by their message long ago: one read finds those, and the rest go through the
            // applier together, as one batch (a line credited between that read and the batch is still absorbed).
            Set<String> applied = applier.alreadyApplied(statement.pays().stream().map(PayResultView::txNo).toList());
            List<Arrival> missing = statement.pays().stream().filter(pay -> !applied.contains(pay.txNo()))
                    .map(pay -> new Arrival(pay.toMessage(), 1)).toList();
            if (!missing.isEmpty()) {
                for (Handled handled : applier.applyAll(missing, SettledBy.STATEMENT)) {
                    if (handled.isFailed()) {
                        throw handled.failure(); // the cursor stays: the next round reads this page again
                    }
                    if (handled.outcome() == ApplyOutcome.CREDITED) {
                        settled++;
                    }
                }
            }
            // Advance only after the page is applied: a crash mid-page re-reads it, which the applier absorbs.
            cursors.advance(CURSOR, statement.next(), clock.instant());
            meters.counter("notify.statement.lines").increment(statement.pays().size());
            if (settled > 0) {
                log.info("statement page of {} pays: {} credited that nothing else had brought", statement.pays().size(),
                        settled);
            }
            if (statement.pays().size() < properties.pageSize()) {
                return;
            }
            position = statement.next();
        }
    }
}

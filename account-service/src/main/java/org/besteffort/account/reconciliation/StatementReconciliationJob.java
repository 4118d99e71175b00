package org.besteffort.account.reconciliation;

import io.micrometer.core.instrument.MeterRegistry;
import org.besteffort.account.receiver.ApplyOutcome;
import org.besteffort.account.receiver.PayResultApplier;
import org.besteffort.account.recharge.SettledBy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
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
            // Most lines were credited by their message long ago: one read finds those, and only the rest go
            // through the applier (a line credited between that read and its turn is still absorbed there).
            Set<String> applied = applier.alreadyApplied(statement.pays().stream().map(PayResultView::txNo).toList());
            for (PayResultView pay : statement.pays()) {
                if (applied.contains(pay.txNo())) {
                    continue;
                }
                try (var ignored = MDC.putCloseable("txNo", pay.txNo())) {
                    if (applier.apply(pay.toMessage(), SettledBy.STATEMENT) == ApplyOutcome.CREDITED) {
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

package org.besteffort.account.reconciliation;

import org.besteffort.account.AccountServiceITSupport;
import org.besteffort.account.receiver.ApplyOutcome;
import org.besteffort.account.receiver.PayResultApplied;
import org.besteffort.account.recharge.SettledBy;
import org.besteffort.common.PayResult;
import org.besteffort.common.PayResultMessage;
import org.besteffort.common.journal.JournalEntry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

/**
 * The whole pattern across both services: recharges settled by message, by active query, racing, and while
 * pay-service is down.
 */
class PayResultReconciliationIT extends AccountServiceITSupport {

    @Autowired
    PayResultReconciliationJob job;

    @Test
    void creditsARechargeWhenItsMessageArrives() {
        var before = balance("1");

        String txNo = startRecharge("1", "88.80");

        awaitStatus(txNo, "SETTLED");
        assertThat(recharge(txNo)).containsEntry("settled_by", "MESSAGE").containsEntry("origin", "STARTED_HERE");
        assertThat(balance("1")).isEqualByComparingTo(before.add(new BigDecimal("88.80")));
    }

    @Test
    void settlesARechargeWhoseMessageWasLostByAskingPayService() {
        var before = balance("2");
        dropNextNotifications(1);

        String txNo = startRecharge("2", "12.34");

        awaitStatus(txNo, "SETTLED");
        assertThat(recharge(txNo)).containsEntry("settled_by", "RECONCILIATION");
        assertThat((Integer) recharge(txNo).get("attempts")).isGreaterThanOrEqualTo(1);
        assertThat(outcomes.of(txNo)).extracting(PayResultApplied::path, PayResultApplied::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(SettledBy.RECONCILIATION, ApplyOutcome.CREDITED));
        assertThat(balance("2")).isEqualByComparingTo(before.add(new BigDecimal("12.34")));
        assertThat(deduplicationRows(txNo)).isEqualTo(1);
        // The lost message as the console draws it, from both ends.
        List<JournalEntry> here = awaitJournal(journal(), txNo, 2);
        assertThat(here).extracting(JournalEntry::step, JournalEntry::outcome)
                .containsExactly(tuple("RECHARGE_STARTED", "PENDING"), tuple("QUERIED", "CREDITED"));
        assertThat(here.get(1).attempt()).isEqualTo(((Integer) recharge(txNo).get("settled_attempt")));
        assertThat(here.get(0).amount()).hasToString("12.34");
        assertThat(here.get(0).at()).isBefore(here.get(1).at());
        assertThat(payService().journal().of(txNo)).extracting(JournalEntry::step, JournalEntry::outcome)
                .containsExactly(tuple("RECORDED", "SUCCESS"), tuple("DROPPED", "DROPPED"), tuple("QUERIED", "FOUND"));
    }

    @Test
    void failsARechargeWhosePayWasDeclined() {
        var before = balance("3");

        String txNo = startRecharge("3", "20000.00");

        awaitStatus(txNo, "FAILED");
        assertThat(balance("3")).isEqualByComparingTo(before);
        assertThat(deduplicationRows(txNo)).isZero();
    }

    @Test
    void settlesAfterPayServiceComesBack() {
        var before = balance("4");
        dropNextNotifications(1);
        String txNo = startRecharge("4", "40.00");

        payService().kill();

        // Claimed at least twice while pay-service was gone, and still waiting.
        await().atMost(Duration.ofSeconds(30)).until(() -> (Integer) recharge(txNo).get("attempts") >= 2);
        assertThat(recharge(txNo)).containsEntry("status", "PENDING");
        assertThat(balance("4")).isEqualByComparingTo(before);

        payService().start();

        awaitStatus(txNo, "SETTLED");
        assertThat(recharge(txNo)).containsEntry("settled_by", "RECONCILIATION");
        assertThat(balance("4")).isEqualByComparingTo(before.add(new BigDecimal("40.00")));
        assertThat(deduplicationRows(txNo)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> journal().of(txNo).stream()
                .anyMatch(entry -> entry.outcome().equals("CREDITED")));
        List<JournalEntry> queries = journal().of(txNo).stream().filter(entry -> entry.step().equals("QUERIED"))
                .toList();
        // Each query while pay-service was gone (another pending recharge may have been first in a round), then one.
        assertThat(queries.subList(0, queries.size() - 1)).extracting(JournalEntry::outcome)
                .containsOnly("UNREACHABLE");
        assertThat(queries.get(queries.size() - 1).outcome()).isEqualTo("CREDITED");
        assertThat(queries).extracting(JournalEntry::attempt).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void creditsOnceWhenTheListenerAndTheJobRaceOnEachTxNo() throws Exception {
        var before = balance("5");
        int count = 20;
        dropNextNotifications(count);
        List<PayResultMessage> pays = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String txNo = "race-" + UUID.randomUUID();
            var pay = payService().http().postJson("/paydo", """
                    {"accountNo":"5","payAmount":"2.50","txNo":"%s"}""".formatted(txNo)).json();
            pays.add(PayResultMessage.of(txNo, "5", pay.getBigDecimal("payAmount"), PayResult.SUCCESS,
                    pay.getInstant("paidAt")));
        }

        // At one moment: the recharges become due and the job runs, while their notifications arrive. Each delivery is
        // held 200 ms before it applies, so that the job's claim, right after the recharges are written, comes first
        // for some of them: both paths then work on those txNos at once.
        assertThat(accountService().postJson("/ops/faults", "{\"slowDeliveriesBy\":\"PT0.2S\"}").status())
                .isEqualTo(200);
        var start = new CountDownLatch(1);
        var listenerPath = CompletableFuture.runAsync(() -> {
            awaitQuietly(start);
            pays.forEach(AccountServiceITSupport::announce);
        });
        var reconciliationPath = CompletableFuture.runAsync(() -> {
            awaitQuietly(start);
            pays.forEach(pay -> pendingRecharge(pay.txNo(), "5", "2.50"));
            job.reconcile();
        });
        try {
            start.countDown();
            CompletableFuture.allOf(listenerPath, reconciliationPath).get();

            for (PayResultMessage pay : pays) {
                awaitStatus(pay.txNo(), "SETTLED");
                await().atMost(Duration.ofSeconds(30)).until(() -> outcomes.of(pay.txNo()).stream()
                        .anyMatch(applied -> applied.path() == SettledBy.MESSAGE));
                assertThat(outcomes.outcomes(pay.txNo())).containsOnlyOnce(ApplyOutcome.CREDITED);
                assertThat(deduplicationRows(pay.txNo())).isEqualTo(1);
            }
        } finally {
            accountService().postJson("/ops/faults", "{\"slowDeliveriesBy\":\"PT0S\"}");
        }
        // Both paths really raced: every txNo came by message, and the job applied some of them too.
        List<String> reconciled = pays.stream().map(PayResultMessage::txNo).filter(txNo -> outcomes.of(txNo).stream()
                .anyMatch(applied -> applied.path() == SettledBy.RECONCILIATION)).toList();
        assertThat(reconciled).isNotEmpty();
        assertThat(balance("5")).isEqualByComparingTo(before.add(new BigDecimal("50.00")));
    }

    @Test
    void expiresARechargePayServiceNeverRecorded() {
        String txNo = "never-paid-" + UUID.randomUUID();
        Instant longAgo = Instant.now().minus(Duration.ofMinutes(5));
        pendingRecharge(txNo, "1", "9.99", longAgo);

        awaitStatus(txNo, "EXPIRED");
        assertThat(deduplicationRows(txNo)).isZero();
        assertThat(awaitJournal(journal(), txNo, 2))
                .extracting(JournalEntry::step, JournalEntry::attempt, JournalEntry::outcome)
                .containsExactly(tuple("QUERIED", 1, "UNKNOWN"), tuple("EXPIRED", null, "EXPIRED"));
        assertThat(payService().journal().of(txNo)).extracting(JournalEntry::step, JournalEntry::outcome)
                .containsExactly(tuple("QUERIED", "UNKNOWN"));
    }

    @Test
    void keepsWaitingForARechargePayServiceDoesNotKnowYet() {
        String txNo = "not-yet-" + UUID.randomUUID();
        pendingRecharge(txNo, "1", "9.99", Instant.now().minusSeconds(5));

        await().atMost(Duration.ofSeconds(30)).until(() -> (Integer) recharge(txNo).get("attempts") >= 2);
        assertThat(recharge(txNo)).containsEntry("status", "PENDING");
        assertThat(awaitJournal(journal(), txNo, 2)).extracting(JournalEntry::step, JournalEntry::attempt,
                JournalEntry::outcome).startsWith(tuple("QUERIED", 1, "UNKNOWN"), tuple("QUERIED", 2, "UNKNOWN"));
    }

    private String startRecharge(String accountNo, String amount) {
        var response = accountService().postJson("/recharges", """
                {"accountNo":"%s","amount":"%s"}""".formatted(accountNo, amount));
        assertThat(response.status()).isEqualTo(202);
        return response.json().getString("txNo");
    }

    private void awaitStatus(String txNo, String status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> status.equals(recharge(txNo).get("status")));
    }

    /** A recharge account-service waits for, as POST /recharges records it, old enough to be due. */
    private void pendingRecharge(String txNo, String accountNo, String amount) {
        pendingRecharge(txNo, accountNo, amount, Instant.now().minusSeconds(10));
    }

    private void pendingRecharge(String txNo, String accountNo, String amount, Instant createdAt) {
        // INSERT IGNORE: the listener may have recorded this txNo already, which is part of the race.
        jdbc.update("""
                INSERT IGNORE INTO account_recharge
                    (tx_no, account_no, amount, status, origin, attempts, next_attempt_at, created_at, updated_at)
                VALUES (?, ?, ?, 'PENDING', 'STARTED_HERE', 0, ?, ?, ?)
                """, txNo, accountNo, new BigDecimal(amount), Timestamp.from(createdAt), Timestamp.from(createdAt),
                Timestamp.from(createdAt));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

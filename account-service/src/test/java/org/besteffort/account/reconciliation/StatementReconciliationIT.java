package org.besteffort.account.reconciliation;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONObject;
import org.besteffort.account.AccountServiceITSupport;
import org.besteffort.account.receiver.PayResultApplied;
import org.besteffort.account.recharge.SettledBy;
import org.besteffort.common.journal.JournalEntry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Pays account-service never heard of: found in pay-service's statement, including those whose message died in
 * the dead-letter queue.
 */
class StatementReconciliationIT extends AccountServiceITSupport {

    @Autowired
    StatementReconciliationJob statementJob;

    @Test
    void findsAPayMadeDirectlyAtPayServiceWhoseMessageWasLost() {
        var before = balance("4");
        dropNextNotifications(1);
        String txNo = "direct-" + UUID.randomUUID();

        payDirectly(txNo, "4", "23.45");

        awaitSettledByTheStatement(txNo);
        assertThat(recharge(txNo)).containsEntry("origin", "ANNOUNCED");
        assertThat(balance("4")).isEqualByComparingTo(before.add(new BigDecimal("23.45")));
        assertThat(deduplicationRows(txNo)).isEqualTo(1);
    }

    @Test
    void listsAMessageThatExhaustedItsRetriesAndStillSettlesItsPay() {
        var before = balance("3");
        // One delivery plus receiver.max-reconsume-times (4) redeliveries, all failing: the broker gives up.
        accountService().postJson("/ops/faults", "{\"failNextDeliveries\":5}");
        String txNo = "dead-" + UUID.randomUUID();

        payDirectly(txNo, "3", "6.66");

        await().atMost(Duration.ofSeconds(60)).until(() -> deadLetter(txNo) != null);
        var letter = deadLetter(txNo);
        assertThat(letter.getIntValue("reconsumeTimes")).isGreaterThanOrEqualTo(4);
        assertThat(letter.getString("body")).contains(txNo);
        assertThat(outcomes.of(txNo)).isEmpty();
        assertThat(balance("3")).isEqualByComparingTo(before);

        awaitSettledByTheStatement(txNo);
        assertThat(balance("3")).isEqualByComparingTo(before.add(new BigDecimal("6.66")));
        assertThat(deduplicationRows(txNo)).isEqualTo(1);
    }

    @Test
    void skipsLinesItsMessageAlreadyCreditedWithoutApplyingThemAgain() {
        String credited = "credited-" + UUID.randomUUID();
        payDirectly(credited, "2", "1.00");
        assertThat(outcomes.await(credited, 1)).extracting(PayResultApplied::path).containsExactly(SettledBy.MESSAGE);
        String lost = "lost-" + UUID.randomUUID();
        dropNextNotifications(1);

        payDirectly(lost, "2", "2.00");

        // The statement lists the two in commit order: settling the later one means it has read the earlier.
        awaitSettledByTheStatement(lost);
        assertThat(outcomes.of(credited)).hasSize(1);
        assertThat(outcomes.of(lost)).extracting(PayResultApplied::path).containsExactly(SettledBy.STATEMENT);
        assertThat(journal().of(lost)).extracting(JournalEntry::step, JournalEntry::attempt, JournalEntry::outcome)
                .containsExactly(tuple("STATEMENT", null, "CREDITED"));
    }

    @Test
    void refusesABadStatementCursorWithAProblem() {
        var response = payService().http().get("/statements?after=not-a-cursor");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
    }

    private void awaitSettledByTheStatement(String txNo) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            statementJob.reconcile();
            return jdbc.queryForObject("SELECT COUNT(*) FROM account_recharge WHERE tx_no = ? AND status = 'SETTLED'",
                    Integer.class, txNo) == 1;
        });
        assertThat(recharge(txNo)).containsEntry("settled_by", "STATEMENT");
    }

    private JSONObject deadLetter(String txNo) {
        var letters = JSON.parseArray(accountService().get("/dead-letters").body());
        return letters.stream().map(JSONObject.class::cast)
                .filter(letter -> txNo.equals(letter.getString("txNo"))).findFirst().orElse(null);
    }

    private void payDirectly(String txNo, String accountNo, String amount) {
        var response = payService().http().postJson("/paydo", """
                {"accountNo":"%s","payAmount":"%s","txNo":"%s"}""".formatted(accountNo, amount, txNo));
        assertThat(response.status()).isEqualTo(200);
    }
}

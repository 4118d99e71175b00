package org.besteffort.pay.notifier.outbox;

import org.besteffort.common.PayResultMessage;
import org.besteffort.local.infra.TestJournal;
import org.besteffort.pay.PayServiceITSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code send-mode: outbox} over the real broker and database: the pay's transaction writes the message row, the relay
 * publishes and marks it, publishes again what it could not mark, never shares a row with another relay, and purges
 * what it sent long ago.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "notifier.send-mode=outbox", "notifier.outbox.poll-every=200ms", "notifier.outbox.lease=2s",
        "notifier.outbox.purge-every=500ms"})
class OutboxIT extends PayServiceITSupport {

    @Autowired
    OutboxMapper outbox;

    @Autowired
    OutboxRelay relay;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void writesTheMessageInThePaysTransactionThenPublishesAndMarksIt() {
        String txNo = "outbox-" + UUID.randomUUID();

        var response = http().postJson("/paydo", """
                {"accountNo":"1","payAmount":"12.30","txNo":"%s"}""".formatted(txNo));

        assertThat(response.status()).isEqualTo(200);
        PayResultMessage message = observer.awaitMessage(txNo);
        assertThat(message.amount()).isEqualByComparingTo("12.30");
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM pay_outbox WHERE tx_no = ? AND sent_at IS NOT NULL AND publishes = 1",
                Integer.class, txNo) == 1);
        assertThat(new TestJournal(operatorHttp()).of(txNo)).extracting(entry -> entry.step())
                .containsExactly("RECORDED", "ANNOUNCED");
    }

    @Test
    void publishesAgainARowPublishedButNeverMarkedAndTheCopyIsTheSameMessage() {
        String txNo = "outbox-" + UUID.randomUUID();
        http().postJson("/paydo", """
                {"accountNo":"2","payAmount":"5.00","txNo":"%s"}""".formatted(txNo));
        observer.awaitMessage(txNo);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM pay_outbox WHERE tx_no = ? AND sent_at IS NOT NULL", Integer.class, txNo) == 1);

        // What a relay that died between the broker's answer and its UPDATE leaves behind, once its lease ran out.
        jdbc.update("UPDATE pay_outbox SET sent_at = NULL, leased_until = ? WHERE tx_no = ?",
                java.sql.Timestamp.from(Instant.now().minusSeconds(1)), txNo);

        await().atMost(Duration.ofSeconds(10)).until(() -> observer.countSent(txNo) == 2);
        assertThat(jdbc.queryForObject("SELECT publishes FROM pay_outbox WHERE tx_no = ?", Integer.class, txNo))
                .isEqualTo(2);
        assertThat(observer.countStoredOnBroker(txNo)).isEqualTo(2);
    }

    @Test
    void twoRelaysClaimingAtOnceNeverTakeTheSameRow() throws Exception {
        relay.stop();
        try {
            String prefix = "claim-" + UUID.randomUUID().toString().substring(0, 8) + "-";
            Instant due = Instant.now().minusSeconds(5);
            for (int i = 0; i < 6; i++) {
                outbox.insert(prefix + i, "{}", due);
            }
            TransactionTemplate claim = new TransactionTemplate(transactions);
            claim.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
            CountDownLatch firstHoldsItsRows = new CountDownLatch(1);
            CountDownLatch secondHasClaimed = new CountDownLatch(1);
            CompletableFuture<List<String>> first = CompletableFuture.supplyAsync(() -> claim.execute(status -> {
                List<String> rows = mine(outbox.due(Instant.now(), 3), prefix);
                firstHoldsItsRows.countDown();
                await().atMost(Duration.ofSeconds(10)).until(() -> secondHasClaimed.getCount() == 0);
                return rows;
            }));
            assertThat(firstHoldsItsRows.await(10, TimeUnit.SECONDS)).isTrue();
            List<String> second = claim.execute(status -> mine(outbox.due(Instant.now(), 100), prefix));
            secondHasClaimed.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS)).hasSize(3).doesNotContainAnyElementsOf(second);
            assertThat(second).hasSize(3);
            jdbc.update("DELETE FROM pay_outbox WHERE tx_no LIKE ?", prefix + "%");
        } finally {
            relay.start();
        }
    }

    @Test
    void purgesRowsSentLongerAgoThanTheRetentionAndKeepsTheRest() {
        String old = "purge-old-" + UUID.randomUUID();
        String recent = "purge-recent-" + UUID.randomUUID();
        jdbc.update("INSERT INTO pay_outbox (tx_no, payload, created_at, leased_until, sent_at) "
                + "VALUES (?, '{}', NOW(3), NOW(3), NOW(3) - INTERVAL 2 DAY)", old);
        jdbc.update("INSERT INTO pay_outbox (tx_no, payload, created_at, leased_until, sent_at) "
                + "VALUES (?, '{}', NOW(3), NOW(3), NOW(3) - INTERVAL 1 HOUR)", recent);

        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM pay_outbox WHERE tx_no = ?", Integer.class, old) == 0);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pay_outbox WHERE tx_no = ?", Integer.class, recent))
                .isEqualTo(1);
        jdbc.update("DELETE FROM pay_outbox WHERE tx_no = ?", recent);
    }

    private static List<String> mine(List<OutboxRow> rows, String prefix) {
        // The shared database may hold other tests' rows: only this test's count.
        return rows.stream().map(OutboxRow::txNo).filter(txNo -> txNo.startsWith(prefix)).toList();
    }

}

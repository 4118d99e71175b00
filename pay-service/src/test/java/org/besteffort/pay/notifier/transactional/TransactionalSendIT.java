package org.besteffort.pay.notifier.transactional;

import org.apache.rocketmq.spring.core.RocketMQLocalTransactionState;
import org.besteffort.common.PayResult;
import org.besteffort.common.PayResultMessage;
import org.besteffort.local.infra.TestJournal;
import org.besteffort.pay.PayServiceITSupport;
import org.besteffort.pay.payment.Payment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code send-mode: transactional} over the real broker and database: the half message commits with its pay, rolls
 * back with a refused one, and a check-back decides from {@code account_pay} — waiting for a pay still committing,
 * and rolling back for good one that never came.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "notifier.send-mode=transactional", "notifier.transactional.rollback-after=3s"})
class TransactionalSendIT extends PayServiceITSupport {

    /** The service's own JdbcTemplate: a pay inserted with it joins the listener's transaction, as the real pay does. */
    @Autowired
    JdbcTemplate serviceJdbc;


    @Autowired
    PayTransactionListener listener;

    @Test
    void announcesAPayWhenItsTransactionCommitsAndJournalsItOnce() {
        String txNo = "half-" + UUID.randomUUID();

        var response = http().postJson("/paydo", """
                {"accountNo":"1","payAmount":"33.00","txNo":"%s"}""".formatted(txNo));

        assertThat(response.status()).isEqualTo(200);
        assertThat(observer.awaitMessage(txNo).amount()).isEqualByComparingTo("33.00");
        assertThat(new TestJournal(operatorHttp()).of(txNo)).extracting(entry -> entry.step())
                .containsExactly("RECORDED", "ANNOUNCED");
    }

    @Test
    void aReplayAndAConflictingPayRollTheirHalfMessagesBack() {
        String txNo = "half-" + UUID.randomUUID();
        String body = """
                {"accountNo":"2","payAmount":"8.00","txNo":"%s"}""".formatted(txNo);
        http().postJson("/paydo", body);
        observer.awaitMessage(txNo);

        assertThat(http().postJson("/paydo", body).status()).isEqualTo(200);
        assertThat(http().postJson("/paydo", body.replace("8.00", "9.00")).status()).isEqualTo(409);
        String marker = "half-marker-" + UUID.randomUUID();
        http().postJson("/paydo", """
                {"accountNo":"2","payAmount":"0.01","txNo":"%s"}""".formatted(marker));
        observer.awaitMessage(marker);

        assertThat(observer.countStoredOnBroker(txNo)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT pay_amount FROM account_pay WHERE tx_no = ?", BigDecimal.class, txNo))
                .isEqualByComparingTo("8.00");
    }

    @Test
    void aCheckBackCommitsTheHalfMessageOfTheRecordedPayAndRollsBackAnotherPaysCopy() {
        String txNo = "half-" + UUID.randomUUID();
        http().postJson("/paydo", """
                {"accountNo":"3","payAmount":"4.00","txNo":"%s"}""".formatted(txNo));
        PayResultMessage recorded = observer.awaitMessage(txNo);

        assertThat(listener.checkLocalTransaction(halfMessage(recorded, Instant.now())))
                .isEqualTo(RocketMQLocalTransactionState.COMMIT);
        PayResultMessage otherAmount = PayResultMessage.of(txNo, "3", new BigDecimal("5.00"), PayResult.SUCCESS,
                recorded.paidAt());
        assertThat(listener.checkLocalTransaction(halfMessage(otherAmount, Instant.now())))
                .isEqualTo(RocketMQLocalTransactionState.ROLLBACK);
    }

    @Test
    void aCheckBackAsksAgainForAYoungHalfMessageWithoutItsPayAndRollsBackAnOldOneForGood() {
        PayResultMessage neverPaid = PayResultMessage.of("half-" + UUID.randomUUID(), "4", new BigDecimal("6.00"),
                PayResult.SUCCESS, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        String halfMessageId = UUID.randomUUID().toString();

        assertThat(listener.checkLocalTransaction(halfMessage(neverPaid, halfMessageId, Instant.now())))
                .isEqualTo(RocketMQLocalTransactionState.UNKNOWN);
        assertThat(listener.checkLocalTransaction(halfMessage(neverPaid, halfMessageId,
                Instant.now().minusSeconds(10)))).isEqualTo(RocketMQLocalTransactionState.ROLLBACK);
        assertThat(jdbc.queryForObject("SELECT tx_no FROM pay_half_message_rollback WHERE half_message_id = ?",
                String.class, halfMessageId)).isEqualTo(neverPaid.txNo());

        // Its pay's transaction, waking up late, can no longer commit.
        LocalPay late = new LocalPay(neverPaid.txNo(), halfMessageId, () -> insert(neverPaid));
        assertThat(listener.executeLocalTransaction(halfMessage(neverPaid, halfMessageId, Instant.now()), late))
                .isEqualTo(RocketMQLocalTransactionState.ROLLBACK);
        assertThat(late.failure()).hasMessageContaining("rolled back");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM account_pay WHERE tx_no = ?", Integer.class,
                neverPaid.txNo())).isZero();
    }

    @Test
    void aCheckBackWaitsForAPayStillCommittingAndThenCommits() throws Exception {
        PayResultMessage paying = PayResultMessage.of("half-" + UUID.randomUUID(), "5", new BigDecimal("7.00"),
                PayResult.SUCCESS, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        String halfMessageId = UUID.randomUUID().toString();
        Message<byte[]> old = halfMessage(paying, halfMessageId, Instant.now().minusSeconds(10));
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch mayCommit = new CountDownLatch(1);
        LocalPay slow = new LocalPay(paying.txNo(), halfMessageId, () -> {
            Payment payment = insert(paying);
            inserted.countDown();
            await().atMost(Duration.ofSeconds(20)).until(() -> mayCommit.getCount() == 0);
            return payment;
        });
        CompletableFuture<RocketMQLocalTransactionState> paid =
                CompletableFuture.supplyAsync(() -> listener.executeLocalTransaction(old, slow));
        assertThat(inserted.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<RocketMQLocalTransactionState> checked =
                CompletableFuture.supplyAsync(() -> listener.checkLocalTransaction(old));
        // The check-back's locking read waits on the uncommitted row instead of finding no pay.
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(2)).until(() -> !checked.isDone());
        mayCommit.countDown();

        assertThat(paid.get(10, TimeUnit.SECONDS)).isEqualTo(RocketMQLocalTransactionState.COMMIT);
        assertThat(checked.get(10, TimeUnit.SECONDS)).isEqualTo(RocketMQLocalTransactionState.COMMIT);
    }

    private Payment insert(PayResultMessage pay) {
        serviceJdbc.update("""
                INSERT INTO account_pay (tx_no, account_no, pay_amount, result, merchant_id, created_at, updated_at)
                VALUES (?, ?, ?, ?, 'bank1', ?, ?)""", pay.txNo(), pay.accountNo(), pay.amount(), pay.result().name(),
                Timestamp.from(pay.paidAt()), Timestamp.from(pay.paidAt()));
        return new Payment(null, pay.txNo(), pay.accountNo(), pay.amount(), pay.result(), null, null, pay.paidAt(),
                pay.paidAt(), "bank1");
    }

    private static Message<byte[]> halfMessage(PayResultMessage pay, Instant preparedAt) {
        return halfMessage(pay, UUID.randomUUID().toString(), preparedAt);
    }

    /** A half message as the check-back hands it over: the body, the key and this service's own properties. */
    private static Message<byte[]> halfMessage(PayResultMessage pay, String halfMessageId, Instant preparedAt) {
        return MessageBuilder.withPayload(pay.toJson())
                .setHeader("rocketmq_KEYS", pay.txNo())
                .setHeader(HalfMessageSend.HALF_MESSAGE_ID, halfMessageId)
                .setHeader(HalfMessageSend.PREPARED_AT, String.valueOf(preparedAt.toEpochMilli()))
                .build();
    }

}

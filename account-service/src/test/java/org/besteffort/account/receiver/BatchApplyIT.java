package org.besteffort.account.receiver;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.spring.support.DefaultRocketMQListenerContainer;
import org.besteffort.account.AccountServiceITSupport;
import org.besteffort.account.recharge.SettledBy;
import org.besteffort.common.NotifyChannel;
import org.besteffort.common.PayResult;
import org.besteffort.common.PayResultMessage;
import org.besteffort.common.journal.JournalEntry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * The batch rules of the receiver: many pay results in one transaction, each txNo still decided by the
 * {@code de_duplication} key, and one bad result deciding only its own fate. First the applier itself, then the
 * listener over the real broker with a batch it really received at once.
 */
class BatchApplyIT extends AccountServiceITSupport {

    @Autowired
    PayResultApplier applier;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ApplicationContext context;

    @Test
    void creditsATxNoThatComesTwiceInOneBatchOnce() {
        String account = newAccount();
        var first = success(account, "10.00");
        var second = success(account, "2.50");

        List<Handled> handled = applier.applyAll(List.of(arrival(first), arrival(second), arrival(first)),
                SettledBy.MESSAGE);

        assertThat(handled).extracting(Handled::outcome)
                .containsExactly(ApplyOutcome.CREDITED, ApplyOutcome.CREDITED, ApplyOutcome.ALREADY_APPLIED);
        assertThat(balance(account)).isEqualByComparingTo("12.50");
        assertThat(deduplicationRows(first.txNo())).isEqualTo(1);
        assertThat(recharge(first.txNo())).containsEntry("status", "SETTLED").containsEntry("settled_by", "MESSAGE");
    }

    @Test
    void creditsATxNoThatComesInTwoBatchesOnce() {
        String account = newAccount();
        var a = success(account, "1.00");
        var b = success(account, "20.00");
        var c = success(account, "300.00");

        var firstBatch = applier.applyAll(List.of(arrival(a), arrival(b)), SettledBy.MESSAGE);
        var secondBatch = applier.applyAll(List.of(arrival(b), arrival(c)), SettledBy.RECONCILIATION);

        assertThat(firstBatch).extracting(Handled::outcome)
                .containsExactly(ApplyOutcome.CREDITED, ApplyOutcome.CREDITED);
        assertThat(secondBatch).extracting(Handled::outcome)
                .containsExactly(ApplyOutcome.ALREADY_APPLIED, ApplyOutcome.CREDITED);
        assertThat(balance(account)).isEqualByComparingTo("321.00");
        assertThat(recharge(b.txNo())).containsEntry("settled_by", "MESSAGE");
        assertThat(recharge(c.txNo())).containsEntry("settled_by", "RECONCILIATION");
    }

    @Test
    void creditsEveryTxNoOnceWhenTwoBatchesOverlapAtTheSameMoment() throws Exception {
        String one = newAccount();
        String two = newAccount();
        ExecutorService twoConsumers = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 30; round++) {
                // Both batches hold both accounts and the same middle txNo: one wins its key, the other applies the rest.
                var shared = success(one, "1.00");
                List<Arrival> left = List.of(arrival(success(two, "0.10")), arrival(shared), arrival(success(one, "0.01")));
                List<Arrival> right = List.of(arrival(success(one, "0.01")), arrival(shared), arrival(success(two, "0.10")));
                Future<List<Handled>> l = twoConsumers.submit(applying(left));
                Future<List<Handled>> r = twoConsumers.submit(applying(right));

                assertThat(List.of(l.get().get(1).outcome(), r.get().get(1).outcome()))
                        .containsExactlyInAnyOrder(ApplyOutcome.CREDITED, ApplyOutcome.ALREADY_APPLIED);
                assertThat(l.get()).noneMatch(Handled::isFailed);
                assertThat(r.get()).noneMatch(Handled::isFailed);
                assertThat(deduplicationRows(shared.txNo())).isEqualTo(1);
            }
        } finally {
            twoConsumers.shutdownNow();
        }
        assertThat(balance(one)).isEqualByComparingTo("30.60");
        assertThat(balance(two)).isEqualByComparingTo("6.00");
    }

    @Test
    void parksTheOneResultOfABatchThatNamesAnUnknownAccountAndCreditsTheRest() {
        String account = newAccount();
        var before = success(account, "4.00");
        var unknown = success("no-such-" + UUID.randomUUID().toString().substring(0, 8), "9.99");
        var after = success(account, "0.40");
        var failed = PayResultMessage.of(newTxNo(), account, new BigDecimal("50.00"), PayResult.FAIL, Instant.now());

        List<Handled> handled = applier.applyAll(List.of(arrival(before), arrival(unknown), arrival(failed),
                arrival(after)), SettledBy.MESSAGE);

        assertThat(handled).extracting(Handled::outcome).containsExactly(ApplyOutcome.CREDITED, ApplyOutcome.PARKED,
                ApplyOutcome.PAY_FAILED, ApplyOutcome.CREDITED);
        assertThat(balance(account)).isEqualByComparingTo("4.40");
        assertThat(deduplicationRows(unknown.txNo())).isZero();
        assertThat(parkedReason(unknown.txNo())).isEqualTo("unknown account " + unknown.accountNo());
        assertThat(recharge(failed.txNo())).containsEntry("status", "FAILED");
        assertThat(deduplicationRows(failed.txNo())).isZero();
    }

    @Test
    void parksTheOneResultOfABatchThatContradictsARechargeAndCreditsTheRest() {
        // A recharge started here for 5.00 (as the checkout records one) that no pay has settled yet.
        String account = newAccount();
        String txNo = newTxNo();
        jdbc.update("""
                INSERT INTO account_recharge (tx_no, account_no, amount, status, origin, attempts, next_attempt_at,
                                              created_at, updated_at)
                VALUES (?, ?, 5.00, 'PENDING', 'STARTED_HERE', 0, NOW(3) + INTERVAL 1 HOUR, NOW(3), NOW(3))
                """, txNo, account);
        var altered = PayResultMessage.of(txNo, account, new BigDecimal("500.00"), PayResult.SUCCESS, Instant.now());
        var other = success(account, "1.25");

        List<Handled> handled = applier.applyAll(List.of(arrival(other), arrival(altered)), SettledBy.MESSAGE);

        assertThat(handled).extracting(Handled::outcome)
                .containsExactly(ApplyOutcome.CREDITED, ApplyOutcome.PARKED);
        assertThat(balance(account)).isEqualByComparingTo("1.25");
        assertThat(recharge(txNo)).containsEntry("status", "PENDING");
        assertThat(deduplicationRows(txNo)).isZero();
        assertThat(parkedReason(txNo)).contains("another account or amount");
    }

    /**
     * Over the broker: five deliveries taken from one queue as one batch. The first fails (the fault switch) and is
     * redelivered on its own; a duplicate inside the batch is credited once; an unknown account is parked; the others
     * are credited by their first delivery.
     */
    @Test
    void redeliversOnlyTheDeliveryOfABatchThatFailed() throws Exception {
        String account = newAccount();
        var failing = success(account, "100.00");
        var a = success(account, "10.00");
        var b = success(account, "1.00");
        var unknown = success("no-such-" + UUID.randomUUID().toString().substring(0, 8), "7.00");
        DefaultMQPushConsumer consumer = consumer();
        DistributionSummary batches = meters.summary("notify.receiver.batch");
        double deliveriesBefore;
        long batchesBefore;
        consumer.suspend();
        try {
            quietenPulls();
            deliveriesBefore = batches.totalAmount();
            batchesBefore = batches.count();
            assertThat(accountService().postJson("/ops/faults", "{\"failNextDeliveries\":1}").status()).isEqualTo(200);
            for (PayResultMessage message : List.of(failing, a, a, b, unknown)) {
                announceTo(message, 0);
            }
        } finally {
            consumer.resume();
        }

        assertThat(outcomes.await(failing.txNo(), 1)).extracting(PayResultApplied::outcome, PayResultApplied::attempt)
                .containsExactly(tuple(ApplyOutcome.CREDITED, 2));
        assertThat(outcomes.await(a.txNo(), 2)).extracting(PayResultApplied::outcome, PayResultApplied::attempt)
                .containsExactly(tuple(ApplyOutcome.CREDITED, 1), tuple(ApplyOutcome.ALREADY_APPLIED, 1));
        assertThat(outcomes.await(b.txNo(), 1)).extracting(PayResultApplied::outcome, PayResultApplied::attempt)
                .containsExactly(tuple(ApplyOutcome.CREDITED, 1));
        assertThat(outcomes.await(unknown.txNo(), 1)).extracting(PayResultApplied::outcome)
                .containsExactly(ApplyOutcome.PARKED);
        assertThat(balance(account)).isEqualByComparingTo("111.00");
        assertThat(awaitJournal(journal(), failing.txNo(), 2)).extracting(JournalEntry::attempt, JournalEntry::outcome)
                .containsExactly(tuple(1, "FAILED"), tuple(2, "CREDITED"));
        // They did come as one batch: six deliveries (five, then the failed one again) in two calls of the listener.
        assertThat(batches.totalAmount() - deliveriesBefore).isEqualTo(6);
        assertThat(batches.count() - batchesBefore).isEqualTo(2);
    }

    /**
     * Makes sure no pull of the suspended consumer is waiting at the broker: a long-polling pull sent before the
     * suspension would hand over the first message of the batch alone. One message per queue ends each of them.
     */
    private void quietenPulls() throws Exception {
        List<String> sentinels = new ArrayList<>();
        int queues = topicQueues();
        for (int queue = 0; queue < queues; queue++) {
            var sentinel = success(newAccount(), "0.01");
            announceTo(sentinel, queue);
            sentinels.add(sentinel.txNo());
        }
        sentinels.forEach(txNo -> outcomes.await(txNo, 1));
    }

    private DefaultMQPushConsumer consumer() {
        return context.getBeansOfType(DefaultRocketMQListenerContainer.class).values().stream()
                .filter(container -> NotifyChannel.TOPIC.equals(container.getTopic()))
                .findFirst().orElseThrow().getConsumer();
    }

    private Callable<List<Handled>> applying(List<Arrival> batch) {
        return () -> applier.applyAll(batch, SettledBy.MESSAGE);
    }

    private String parkedReason(String txNo) {
        return jdbc.queryForObject("SELECT reason FROM parked_notification WHERE tx_no = ?", String.class, txNo);
    }

    private static Arrival arrival(PayResultMessage result) {
        return new Arrival(result, 1);
    }

    private static PayResultMessage success(String accountNo, String amount) {
        return PayResultMessage.of(newTxNo(), accountNo, new BigDecimal(amount), PayResult.SUCCESS, Instant.now());
    }

    private static String newTxNo() {
        return "batch-" + UUID.randomUUID();
    }
}

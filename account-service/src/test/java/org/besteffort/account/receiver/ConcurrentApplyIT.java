package org.besteffort.account.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.besteffort.account.AccountServiceITSupport;
import org.besteffort.account.recharge.SettledBy;
import org.besteffort.common.PayResult;
import org.besteffort.common.PayResultMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Many pays made elsewhere (at {@code /paydo} directly), applied at once across accounts: each is credited on its
 * first try. Under InnoDB's REPEATABLE READ the applier's update of a missing {@code account_recharge} row locked the gap,
 * and two applies at once deadlocked on their inserts; the broker's redelivery hid it, at the cost of thousands of
 * failed deliveries a minute under load.
 */
class ConcurrentApplyIT extends AccountServiceITSupport {

    private static final int PAYS = 240;

    private static final int THREADS = 16;

    @Autowired
    PayResultApplier applier;

    @Test
    void appliesManyPaysAtOnceWithoutADeadlock() throws Exception {
        List<String> accounts = new ArrayList<>();
        for (int a = 0; a < THREADS; a++) {
            accounts.add(newAccount());
        }
        String prefix = "concurrent-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        List<Future<ApplyOutcome>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < PAYS; i++) {
                PayResultMessage pay = PayResultMessage.of(prefix + i, accounts.get(i % THREADS), new BigDecimal("1.00"),
                        PayResult.SUCCESS, Instant.now().truncatedTo(ChronoUnit.MILLIS));
                outcomes.add(threads.submit(() -> applier.apply(pay, SettledBy.MESSAGE, 1)));
            }
            for (Future<ApplyOutcome> outcome : outcomes) {
                // A deadlock surfaces here as the applier's exception, which a delivery would turn into a redelivery.
                assertThat(outcome.get()).isEqualTo(ApplyOutcome.CREDITED);
            }
        } finally {
            threads.shutdownNow();
        }
        for (String accountNo : accounts) {
            assertThat(balance(accountNo)).isEqualByComparingTo(new BigDecimal(PAYS / THREADS + ".00"));
        }
    }
}

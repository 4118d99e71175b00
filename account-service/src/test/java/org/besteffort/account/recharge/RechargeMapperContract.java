package org.besteffort.account.recharge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.besteffort.local.infra.SecondTransaction;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link RechargeMapper}'s own statements on a real database that account-service's Flyway migrated: recording,
 * settling and claiming recharges, as they must work on MariaDB and on MySQL 8.4 alike. Every statement commits unless
 * the test opens a transaction, as in the service; each test starts with no recharges.
 */
@MybatisTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
public abstract class RechargeMapperContract {

    private static final Instant T0 = Instant.parse("2024-05-06T07:08:09.123Z");

    private static final BigDecimal AMOUNT = new BigDecimal("12.34");

    @Autowired
    RechargeMapper recharges;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @BeforeEach
    void noRecharges() {
        transaction.executeWithoutResult(status -> jdbc.update("DELETE FROM account_recharge"));
    }

    @Test
    void letsASecondClaimerSkipTheRowsTheFirstHasLocked() {
        for (int i = 0; i < 4; i++) {
            recharges.insertPending("R-claim-" + i, "1", AMOUNT, T0.plusMillis(i));
        }
        Instant now = T0.plusSeconds(1);

        List<List<String>> claims = transaction.execute(first -> {
            List<String> firstClaim = txNos(recharges.lockDue(now, now, 2));
            // The first claimer's transaction is still open, its rows locked.
            List<String> secondClaim = inAnotherTransaction(() -> txNos(recharges.lockDue(now, now, 10)));
            return List.of(firstClaim, secondClaim);
        });

        assertThat(claims.get(0)).containsExactly("R-claim-0", "R-claim-1");
        // Never a row of the first claim, and no waiting for it: the rows the first claimer left are free.
        assertThat(claims.get(1)).containsExactly("R-claim-2", "R-claim-3");
    }

    @Test
    void claimsOnlyDueRechargesCreatedBeforeTheCutoffAndLeasesThem() {
        recharges.insertPending("R-old", "1", AMOUNT, T0);
        recharges.insertPending("R-young", "1", AMOUNT, T0.plusSeconds(10));

        List<Recharge> claimed = recharges.lockDue(T0.plusSeconds(20), T0.plusSeconds(5), 10);
        int leased = recharges.lease(txNos(claimed), T0.plusSeconds(60));

        assertThat(txNos(claimed)).containsExactly("R-old");
        assertThat(leased).isEqualTo(1);
        Recharge old = recharges.findByTxNo("R-old").orElseThrow();
        assertThat(old.attempts()).isEqualTo(1);
        assertThat(old.nextAttemptAt()).isEqualTo(T0.plusSeconds(60));
        // Leased: not due again before the lease ends, whoever asks.
        assertThat(txNos(recharges.lockDue(T0.plusSeconds(59), T0.plusSeconds(59), 10))).containsExactly("R-young");
    }

    @Test
    void settlesAKnownRechargeOnlyForItsAccountAndAmount() {
        recharges.insertPending("R-1", "1", AMOUNT, T0);
        Instant settled = T0.plusSeconds(3);

        assertThat(recharges.settleKnown("R-1", "1", new BigDecimal("12.35"), SettledBy.MESSAGE, 1, settled)).isZero();
        assertThat(recharges.settleKnown("R-1", "2", AMOUNT, SettledBy.MESSAGE, 1, settled)).isZero();
        // DECIMAL compares by value: 12.340 is the amount recorded as 12.34.
        assertThat(recharges.settleKnown("R-1", "1", new BigDecimal("12.340"), SettledBy.NOTIFY, 2, settled))
                .isEqualTo(1);

        assertThat(recharges.findByTxNo("R-1")).hasValue(new Recharge("R-1", "1", AMOUNT, RechargeStatus.SETTLED,
                SettledBy.NOTIFY, 2, RechargeOrigin.STARTED_HERE, 0, T0, T0, settled));
    }

    @Test
    void leavesARechargeItKnowsAsItWasWhenToldOfAFailedPay() {
        recharges.insertPending("R-2", "1", AMOUNT, T0);
        Instant later = T0.plusSeconds(5);

        // ON DUPLICATE KEY UPDATE tx_no = tx_no: the row that collided keeps every value of its first insert.
        recharges.recordFailedIfUnknown("R-2", "9", new BigDecimal("1.00"), later);
        recharges.recordFailedIfUnknown("R-3", "2", new BigDecimal("5.00"), later);

        assertThat(recharges.findByTxNo("R-2")).hasValue(new Recharge("R-2", "1", AMOUNT, RechargeStatus.PENDING,
                null, null, RechargeOrigin.STARTED_HERE, 0, T0, T0, T0));
        assertThat(recharges.findByTxNo("R-3")).hasValue(new Recharge("R-3", "2", new BigDecimal("5.00"),
                RechargeStatus.FAILED, null, null, RechargeOrigin.ANNOUNCED, 0, later, later, later));
    }

    @Test
    void endsAWaitingRechargeOnceAndNeverDowngradesASettledOne() {
        recharges.insertPending("R-wait", "1", AMOUNT, T0);
        recharges.insertPending("R-done", "1", AMOUNT, T0);
        recharges.settleKnown("R-done", "1", AMOUNT, SettledBy.RECONCILIATION, 1, T0);

        assertThat(recharges.reschedule("R-wait", T0.plusSeconds(30), T0.plusSeconds(1))).isEqualTo(1);
        assertThat(recharges.expire("R-wait", T0.plusSeconds(2))).isEqualTo(1);
        assertThat(recharges.reschedule("R-wait", T0.plusSeconds(60), T0.plusSeconds(3))).isZero();
        assertThat(recharges.expire("R-wait", T0.plusSeconds(3))).isZero();
        // A failed pay still ends an expired recharge; a settled one stays settled.
        assertThat(recharges.markFailed("R-wait", T0.plusSeconds(4))).isEqualTo(1);
        assertThat(recharges.markFailed("R-done", T0.plusSeconds(4))).isZero();

        assertThat(recharges.findByTxNo("R-wait")).map(Recharge::status).hasValue(RechargeStatus.FAILED);
        assertThat(recharges.findByTxNo("R-done")).map(Recharge::status).hasValue(RechargeStatus.SETTLED);
    }

    @Test
    void recordsPaysMadeElsewhereAllOrNoneAndTellsWhichWereStartedHere() {
        recharges.insertPending("R-here", "1", AMOUNT, T0);
        Instant now = T0.plusSeconds(1);
        SettledPay elsewhere = new SettledPay("R-elsewhere", "2", new BigDecimal("7.00"), 3);
        SettledPay here = new SettledPay("R-here", "1", AMOUNT, 1);

        assertThatThrownBy(() -> recharges.recordAllSettledElsewhere(List.of(elsewhere, here), SettledBy.STATEMENT,
                now)).isInstanceOf(DuplicateKeyException.class);
        assertThat(recharges.knownAmong(List.of("R-elsewhere", "R-here"))).containsExactly("R-here");

        recharges.recordAllSettledElsewhere(List.of(elsewhere), SettledBy.STATEMENT, now);
        recharges.recordSettledElsewhere("R-single", "3", new BigDecimal("0.01"), SettledBy.MESSAGE, 2, now);

        assertThat(recharges.findByTxNo("R-elsewhere")).hasValue(new Recharge("R-elsewhere", "2",
                new BigDecimal("7.00"), RechargeStatus.SETTLED, SettledBy.STATEMENT, 3, RechargeOrigin.ANNOUNCED, 0,
                now, now, now));
        assertThat(recharges.findByTxNo("R-single")).map(Recharge::settledBy).hasValue(SettledBy.MESSAGE);
        assertThatThrownBy(() -> recharges.recordSettledElsewhere("R-here", "1", AMOUNT, SettledBy.MESSAGE, 1, now))
                .isInstanceOf(DuplicateKeyException.class);
    }

    /**
     * Runs {@code claim} in a transaction of its own while the caller's stays open; were SKIP LOCKED ignored, it would
     * wait for the caller's locks: it fails in 1 s instead of 50.
     */
    private <R> R inAnotherTransaction(Supplier<R> claim) {
        return SecondTransaction.run(transaction, jdbc, claim);
    }

    private static List<String> txNos(List<Recharge> rows) {
        return rows.stream().map(Recharge::txNo).toList();
    }
}

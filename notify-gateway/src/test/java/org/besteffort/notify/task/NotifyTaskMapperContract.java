package org.besteffort.notify.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
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
 * {@link NotifyTaskMapper}'s own statements on a real database that the gateway's Flyway migrated: keeping tasks,
 * claiming the due ones, recording attempts under a lease and the operator's searches and resets, as they must work on
 * MariaDB and on MySQL 8.4 alike. Every statement commits unless the test opens a transaction, as in the gateway; each
 * test starts with no tasks.
 */
@MybatisTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
public abstract class NotifyTaskMapperContract {

    private static final Instant T0 = Instant.parse("2024-05-06T07:08:09.123Z");

    private static final long ENDPOINT = 7;

    @Autowired
    NotifyTaskMapper tasks;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @BeforeEach
    void noTasks() {
        transaction.executeWithoutResult(status -> jdbc.update("DELETE FROM notify_task"));
    }

    @Test
    void keepsOneTaskPerPayAndReceiver() {
        Instant paidAt = T0.minusSeconds(1);
        tasks.insert("N-1", "merchant-a", ENDPOINT, "msg_N-1-a", "{\"txNo\":\"N-1\"}", paidAt, T0);

        // A message the broker delivers twice adds nothing: the key decides (1062), caught as DuplicateKeyException.
        assertThatThrownBy(() -> tasks.insert("N-1", "merchant-a", ENDPOINT, "msg_other", "{}", paidAt, T0))
                .isInstanceOf(DuplicateKeyException.class)
                .rootCause().isInstanceOfSatisfying(SQLException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo(1062));
        tasks.insert("N-1", "merchant-b", ENDPOINT, "msg_N-1-b", "{\"txNo\":\"N-1\"}", paidAt, T0);

        NotifyTask task = tasks.find("N-1", "merchant-a").orElseThrow();
        assertThat(tasks.findById(task.id())).hasValue(task);
        assertThat(task).isEqualTo(new NotifyTask(task.id(), "N-1", "merchant-a", ENDPOINT, "msg_N-1-a",
                "{\"txNo\":\"N-1\"}", NotifyTaskStatus.PENDING, 0, T0, null, null, null, paidAt, T0, T0, null));
        assertThat(tasks.find("N-1", "merchant-b")).isPresent();
    }

    @Test
    void letsASecondDispatcherSkipTheTasksTheFirstHasLocked() {
        for (int i = 0; i < 4; i++) {
            tasks.insert("N-claim-" + i, "merchant-a", ENDPOINT, "msg_" + i, "{}", T0, T0.plusMillis(i));
        }
        tasks.insert("N-elsewhere", "merchant-a", ENDPOINT + 1, "msg_elsewhere", "{}", T0, T0);
        Instant now = T0.plusSeconds(1);

        List<List<String>> claims = transaction.execute(first -> {
            List<String> firstClaim = txNos(tasks.lockDue(ENDPOINT, now, 2));
            // The first dispatcher's transaction is still open, its tasks locked.
            List<String> secondClaim = inAnotherTransaction(() -> txNos(tasks.lockDue(ENDPOINT, now, 10)));
            return List.of(firstClaim, secondClaim);
        });

        assertThat(claims.get(0)).containsExactly("N-claim-0", "N-claim-1");
        // Never a task of the first claim, nor another endpoint's, and no waiting for them.
        assertThat(claims.get(1)).containsExactly("N-claim-2", "N-claim-3");
    }

    @Test
    void recordsAnAttemptOnlyUnderTheLeaseThatMadeIt() {
        long id = newTask("N-2");
        assertThat(tasks.lease(List.of(id), T0.plusSeconds(30), "lease-1")).isEqualTo(1);
        assertThat(tasks.lockDue(ENDPOINT, T0.plusSeconds(29), 10)).as("leased, so not due").isEmpty();
        // The operator re-notified meanwhile and a new lease took it: the first attempt's answer is ignored.
        assertThat(tasks.lease(List.of(id), T0.plusSeconds(40), "lease-2")).isEqualTo(1);

        assertThat(tasks.markSucceeded(id, "lease-1", 200, T0.plusSeconds(1))).isZero();
        assertThat(tasks.reschedule(id, "lease-1", 1, T0.plusSeconds(60), 503, "busy", T0.plusSeconds(1))).isZero();
        assertThat(tasks.markFailed(id, "lease-1", 500, "boom", T0.plusSeconds(1))).isZero();
        assertThat(tasks.markSucceeded(id, "lease-2", 200, T0.plusSeconds(2))).isEqualTo(1);

        NotifyTask done = tasks.findById(id).orElseThrow();
        assertThat(done.status()).isEqualTo(NotifyTaskStatus.SUCCEEDED);
        assertThat(done.attempts()).isEqualTo(1);
        assertThat(done.claimToken()).isNull();
        assertThat(done.lastStatus()).isEqualTo(200);
        assertThat(done.succeededAt()).isEqualTo(T0.plusSeconds(2));
    }

    @Test
    void reschedulesAFailedAttemptAndKeepsAnExhaustedTaskForTheOperator() {
        long id = newTask("N-3");
        tasks.lease(List.of(id), T0.plusSeconds(30), "lease-1");

        assertThat(tasks.reschedule(id, "lease-1", 1, T0.plusSeconds(60), null, "connect timed out",
                T0.plusSeconds(1))).isEqualTo(1);
        NotifyTask waiting = tasks.findById(id).orElseThrow();
        assertThat(waiting.attempts()).isEqualTo(1);
        assertThat(waiting.nextAttemptAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(waiting.lastStatus()).isNull();
        assertThat(waiting.lastError()).isEqualTo("connect timed out");

        tasks.lease(List.of(id), T0.plusSeconds(90), "lease-2");
        assertThat(tasks.markFailed(id, "lease-2", 500, "HTTP 500", T0.plusSeconds(61))).isEqualTo(1);
        assertThat(tasks.findById(id).orElseThrow())
                .extracting(NotifyTask::status, NotifyTask::attempts, NotifyTask::lastStatus)
                .containsExactly(NotifyTaskStatus.FAILED, 2, 500);
    }

    @Test
    void startsTheFailedTasksOfAReceiverAgainWithinTheOperatorsWindow() {
        long before = failedTask("N-before", "merchant-a", T0.minusSeconds(1));
        long within = failedTask("N-within", "merchant-a", T0);
        long other = failedTask("N-other", "merchant-b", T0);
        long end = failedTask("N-end", "merchant-a", T0.plusSeconds(60));
        Instant now = T0.plusSeconds(120);

        // [since, until): the window's start is in it, its end is not.
        assertThat(tasks.resetFailed("merchant-a", T0, T0.plusSeconds(60), now)).isEqualTo(1);
        assertThat(tasks.reset(other, now)).isEqualTo(1);

        assertThat(tasks.findById(within).orElseThrow())
                .extracting(NotifyTask::status, NotifyTask::attempts, NotifyTask::nextAttemptAt)
                .containsExactly(NotifyTaskStatus.PENDING, 0, now);
        assertThat(tasks.findById(other).orElseThrow().status()).isEqualTo(NotifyTaskStatus.PENDING);
        assertThat(tasks.findById(before).orElseThrow().status()).isEqualTo(NotifyTaskStatus.FAILED);
        assertThat(tasks.findById(end).orElseThrow().status()).isEqualTo(NotifyTaskStatus.FAILED);
    }

    @Test
    void makesTheWaitingTasksOfAnEndpointDueWhenItIsEnabledAgain() {
        long waiting = newTask("N-waiting");
        long leased = newTask("N-leased");
        // Both wait ten minutes: one after an attempt its disabled endpoint refused, one under a dispatcher's lease.
        tasks.lease(List.of(waiting), T0.plusSeconds(30), "lease-w");
        tasks.reschedule(waiting, "lease-w", 1, T0.plusSeconds(600), 503, "endpoint disabled", T0);
        tasks.lease(List.of(leased), T0.plusSeconds(600), "lease-l");

        assertThat(tasks.dueNow(ENDPOINT, T0.plusSeconds(5))).as("not the one under a lease").isEqualTo(1);
        assertThat(txNos(tasks.lockDue(ENDPOINT, T0.plusSeconds(5), 10))).containsExactly("N-waiting");
    }

    @Test
    void searchesNewestFirstAPageAtATimeAndCountsByStatus() {
        long first = newTask("N-s1");
        long second = newTask("N-s2");
        long third = newTask("N-s3");
        long failed = failedTask("N-s4", "merchant-b", T0);

        assertThat(ids(tasks.search(null, null, null, null, null, 2))).containsExactly(failed, third);
        assertThat(ids(tasks.search(null, null, null, null, third, 2))).containsExactly(second, first);
        assertThat(ids(tasks.search("merchant-a", NotifyTaskStatus.PENDING, T0, T0.plusSeconds(1), null, 10)))
                .containsExactly(third, second, first);
        assertThat(ids(tasks.search("merchant-b", NotifyTaskStatus.FAILED, null, null, null, 10)))
                .containsExactly(failed);
        assertThat(tasks.search(null, null, T0.plusSeconds(1), null, null, 10)).isEmpty();
        assertThat(tasks.countByStatus()).containsExactlyInAnyOrder(
                new NotifyTaskMapper.StatusCount(NotifyTaskStatus.PENDING, 3),
                new NotifyTaskMapper.StatusCount(NotifyTaskStatus.FAILED, 1));
    }

    private long newTask(String txNo) {
        tasks.insert(txNo, "merchant-a", ENDPOINT, "msg_" + txNo, "{}", T0, T0);
        return tasks.find(txNo, "merchant-a").orElseThrow().id();
    }

    private long failedTask(String txNo, String receiverId, Instant createdAt) {
        tasks.insert(txNo, receiverId, ENDPOINT, "msg_" + txNo, "{}", createdAt, createdAt);
        long id = tasks.find(txNo, receiverId).orElseThrow().id();
        tasks.lease(List.of(id), createdAt.plusSeconds(30), "lease-" + txNo);
        tasks.markFailed(id, "lease-" + txNo, 500, "HTTP 500", createdAt);
        return id;
    }

    /**
     * Runs {@code claim} in a transaction of its own while the caller's stays open; were SKIP LOCKED ignored, it would
     * wait for the caller's locks: it fails in 1 s instead of 50.
     */
    private <R> R inAnotherTransaction(Supplier<R> claim) {
        return SecondTransaction.run(transaction, jdbc, claim);
    }

    private static List<String> txNos(List<NotifyTask> rows) {
        return rows.stream().map(NotifyTask::txNo).toList();
    }

    private static List<Long> ids(List<NotifyTask> rows) {
        return rows.stream().map(NotifyTask::id).toList();
    }
}

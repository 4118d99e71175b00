package org.besteffort.notify.operator;

import com.alibaba.fastjson2.JSON;
import org.besteffort.common.journal.JournalEntry;
import org.besteffort.notify.NotifyGatewayITSupport;
import org.besteffort.notify.TestMerchant.Reply;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * The operator's API over real HTTP: exhausted tasks re-notified, a window recovered, every action logged, nobody
 * else let in.
 */
class OperatorIT extends NotifyGatewayITSupport {

    private static final Reply DOWN = Reply.of(503, "down");

    @Test
    void keepsAnExhaustedTaskAsFailedUntilAnOperatorRenotifiesIt() {
        var pay = pay("m1", merchant.url("/m1/exhaust"));
        merchant.replyTo(pay.txNo(), DOWN, DOWN, DOWN, DOWN);

        announce(pay);

        var failed = awaitTask(pay.txNo(), "FAILED", Duration.ofSeconds(30));
        assertThat(failed).containsEntry("attempts", 4).containsEntry("last_status", 503);
        assertThat(merchant.received(pay.txNo())).hasSize(4);
        long id = ((Number) failed.get("id")).longValue();

        var detail = operator("GET", "/operator/tasks/" + id, null);
        assertThat(detail.statusCode()).isEqualTo(200);
        var attempts = JSON.parseObject(detail.body()).getJSONArray("attempts");
        assertThat(attempts).hasSize(4);
        assertThat(attempts.getJSONObject(0).getString("responseExcerpt")).isEqualTo("down");
        assertThat(attempts.getJSONObject(0).getInteger("httpStatus")).isEqualTo(503);

        var renotified = operator("POST", "/operator/tasks/" + id + "/renotify", null);

        assertThat(renotified.statusCode()).isEqualTo(200);
        var done = awaitTask(pay.txNo(), "SUCCEEDED", Duration.ofSeconds(10));
        assertThat(done).containsEntry("attempts", 1);
        assertThat(merchant.received(pay.txNo())).hasSize(5);
        assertThat(jdbc.queryForMap("SELECT * FROM operator_action WHERE target = ?", "task/" + id))
                .containsEntry("operator", "alice").containsEntry("action", "RENOTIFY");
        assertThat(awaitJournal(pay.txNo(), 8))
                .extracting(JournalEntry::step, JournalEntry::attempt, JournalEntry::outcome)
                .containsExactly(tuple("TASK_KEPT", null, "KEPT"), tuple("ATTEMPT", 1, "THROTTLED"),
                        tuple("ATTEMPT", 2, "THROTTLED"), tuple("ATTEMPT", 3, "THROTTLED"),
                        tuple("ATTEMPT", 4, "THROTTLED"), tuple("TASK_FAILED", 4, "FAILED"),
                        tuple("RENOTIFIED", null, "PENDING"), tuple("ATTEMPT", 1, "ACKED"));
        assertThat(journal().of(pay.txNo()).get(6).detail()).isEqualTo("by alice (was FAILED after 4 attempts)");
    }

    @Test
    void recoversExactlyTheFailedTasksOfAWindow() {
        String url = merchant.url("/m1/recover");
        var before = pay("m1", url);
        var inWindow = pay("m1", url);
        var alsoInWindow = pay("m1", url);
        var delivered = pay("m1", url);
        for (var pay : List.of(before, inWindow, alsoInWindow)) {
            merchant.replyTo(pay.txNo(), DOWN, DOWN, DOWN, DOWN);
        }
        announce(before);
        awaitTask(before.txNo(), "FAILED", Duration.ofSeconds(30));
        Instant since = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        // Rows are stamped by the database clock's view through the service: mark the first one clearly older.
        jdbc.update("UPDATE notify_task SET created_at = ? WHERE tx_no = ?",
                Timestamp.from(since.minusSeconds(60)), before.txNo());
        announce(inWindow);
        announce(alsoInWindow);
        announce(delivered);
        awaitTask(inWindow.txNo(), "FAILED", Duration.ofSeconds(30));
        awaitTask(alsoInWindow.txNo(), "FAILED", Duration.ofSeconds(30));
        awaitTask(delivered.txNo(), "SUCCEEDED", Duration.ofSeconds(30));

        var recovered = operator("POST", "/operator/receivers/m1/recover", """
                {"since":"%s"}""".formatted(since.minusSeconds(1)));

        assertThat(recovered.statusCode()).isEqualTo(200);
        assertThat(JSON.parseObject(recovered.body()).getInteger("tasks")).isEqualTo(2);
        awaitTask(inWindow.txNo(), "SUCCEEDED", Duration.ofSeconds(10));
        awaitTask(alsoInWindow.txNo(), "SUCCEEDED", Duration.ofSeconds(10));
        assertThat(task(before.txNo())).containsEntry("status", "FAILED");
        assertThat(merchant.received(before.txNo())).hasSize(4);
        assertThat(merchant.received(delivered.txNo())).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM operator_action WHERE action = 'RECOVER'"
                + " AND target = 'receiver/m1' AND operator = 'alice'", Integer.class)).isPositive();
    }

    @Test
    void letsNobodyInWithoutAnOperatorToken() {
        var anonymous = operator("GET", "/operator/tasks", null, null);
        var wrongToken = operator("POST", "/operator/tasks/1/renotify", null, "not-a-token");

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(wrongToken.statusCode()).isEqualTo(401);
    }

    @Test
    void refusesBadOperatorRequestsWithAProblemAndChangesNothing() {
        int actionsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM operator_action", Integer.class);

        assertThat(operator("POST", "/operator/tasks/999999999/renotify", null).statusCode()).isEqualTo(404);
        assertThat(operator("POST", "/operator/receivers/nobody/recover", """
                {"since":"2026-01-01T00:00:00Z"}""").statusCode()).isEqualTo(404);
        assertThat(operator("POST", "/operator/receivers/m1/recover", """
                {"since":"2026-01-02T00:00:00Z","until":"2026-01-01T00:00:00Z"}""").statusCode()).isEqualTo(400);
        assertThat(operator("POST", "/operator/receivers/m1/recover", "{}").statusCode()).isEqualTo(400);
        assertThat(operator("GET", "/operator/tasks?status=LOST", null).statusCode()).isEqualTo(400);
        var limitZero = operator("GET", "/operator/tasks?limit=0", null);
        assertThat(limitZero.statusCode()).isEqualTo(400);
        assertThat(limitZero.body()).contains("limit: must be greater than or equal to 1");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM operator_action", Integer.class))
                .isEqualTo(actionsBefore);
    }

    @Test
    void listsTasksByReceiverAndStatus() {
        var pay = pay("m2", merchant.url("/m2/main"));
        announce(pay);
        awaitTask(pay.txNo(), "SUCCEEDED", Duration.ofSeconds(20));

        var listed = operator("GET", "/operator/tasks?receiverId=m2&status=SUCCEEDED&limit=500", null);

        assertThat(listed.statusCode()).isEqualTo(200);
        var tasks = JSON.parseArray(listed.body());
        assertThat(tasks).isNotEmpty().allSatisfy(t -> {
            assertThat(JSON.parseObject(t.toString()).getString("receiverId")).isEqualTo("m2");
            assertThat(JSON.parseObject(t.toString()).getString("status")).isEqualTo("SUCCEEDED");
        });
        assertThat(tasks).anySatisfy(t -> assertThat(JSON.parseObject(t.toString()).getString("txNo"))
                .isEqualTo(pay.txNo()));
    }
}

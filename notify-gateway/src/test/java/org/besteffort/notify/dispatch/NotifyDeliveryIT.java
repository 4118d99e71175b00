package org.besteffort.notify.dispatch;

import org.besteffort.common.PayResultNotification;
import org.besteffort.common.journal.JournalEntry;
import org.besteffort.notify.NotifyGatewayITSupport;
import org.besteffort.notify.TestMerchant.Received;
import org.besteffort.notify.TestMerchant.Reply;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Delivery over real HTTP: the signature, the ack contract, the decaying schedule, Retry-After and 410.
 */
class NotifyDeliveryIT extends NotifyGatewayITSupport {

    @Test
    void deliversAPayResultOnTheFirstAttemptSignedTheStandardWebhooksWay() {
        var pay = pay("m1", merchant.url("/m1/main"));

        announce(pay);

        var task = awaitTask(pay.txNo(), "SUCCEEDED", Duration.ofSeconds(20));
        assertThat(task).containsEntry("attempts", 1).containsEntry("last_status", 200);
        List<Received> received = merchant.received(pay.txNo());
        assertThat(received).hasSize(1);
        Received notification = received.get(0);
        assertThat(notification.verified()).as("verified by the Standard Webhooks reference library").isTrue();
        assertThat(notification.webhookId()).isEqualTo("pay_" + pay.txNo());
        assertThat(notification.attempt()).isEqualTo("1");
        var body = PayResultNotification.fromJson(notification.body());
        assertThat(body).isEqualTo(PayResultNotification.of(pay));
        assertThat(attempts(pay.txNo())).singleElement()
                .satisfies(a -> assertThat(a).containsEntry("outcome", "ACKED").containsEntry("http_status", 200));
        List<JournalEntry> entries = awaitJournal(pay.txNo(), 2);
        assertThat(entries).extracting(JournalEntry::step, JournalEntry::attempt, JournalEntry::outcome)
                .containsExactly(tuple("TASK_KEPT", null, "KEPT"), tuple("ATTEMPT", 1, "ACKED"));
        assertThat(entries.get(0).detail()).isEqualTo("for m1 at " + merchant.url("/m1/main"));
        assertThat(entries.get(0).amount()).hasToString("10.00");
        assertThat(entries.get(1).detail()).matches("HTTP 200 in \\d+ ms");
    }

    @Test
    void retriesOnTheReceiversScheduleUntilItAnswersSuccess() {
        var pay = pay("m1", merchant.url("/m1/main"));
        merchant.replyTo(pay.txNo(), Reply.of(500, "oops"), Reply.of(502, ""), Reply.of(200, "fail"));

        announce(pay);

        awaitTask(pay.txNo(), "SUCCEEDED", Duration.ofSeconds(30));
        List<Received> received = merchant.received(pay.txNo());
        assertThat(received).hasSize(4).allSatisfy(r -> {
            assertThat(r.verified()).isTrue();
            assertThat(r.webhookId()).isEqualTo("pay_" + pay.txNo());
        });
        assertThat(received).extracting(Received::attempt).containsExactly("1", "2", "3", "4");
        // m1's schedule is 1 s, 2 s, 3 s with 10 % jitter; the dispatcher looks every 200 ms.
        assertGap(received.get(0), received.get(1), 900, 1_600);
        assertGap(received.get(1), received.get(2), 1_800, 2_700);
        assertGap(received.get(2), received.get(3), 2_700, 3_800);
        assertThat(attempts(pay.txNo())).extracting(a -> a.get("outcome"))
                .containsExactly("REFUSED", "REFUSED", "REFUSED", "ACKED");
        assertThat(awaitJournal(pay.txNo(), 5)).filteredOn(entry -> entry.step().equals("ATTEMPT"))
                .extracting(JournalEntry::attempt, JournalEntry::outcome)
                .containsExactly(tuple(1, "REFUSED"), tuple(2, "REFUSED"), tuple(3, "REFUSED"), tuple(4, "ACKED"));
    }

    @Test
    void countsOnlyTheAgreedAnswerAsAnAcknowledgement() {
        var okIsNotSuccess = pay("m1", merchant.url("/m1/main"));
        merchant.replyTo(okIsNotSuccess.txNo(), Reply.of(200, "OK"), Reply.of(500, "success"));
        var anyTwoHundred = pay("m2", merchant.url("/m2/main"));
        merchant.replyTo(anyTwoHundred.txNo(), Reply.of(204, ""));

        announce(okIsNotSuccess);
        announce(anyTwoHundred);

        awaitTask(okIsNotSuccess.txNo(), "SUCCEEDED", Duration.ofSeconds(30));
        assertThat(attempts(okIsNotSuccess.txNo())).extracting(a -> a.get("http_status"))
                .containsExactly(200, 500, 200);
        awaitTask(anyTwoHundred.txNo(), "SUCCEEDED", Duration.ofSeconds(20));
        assertThat(attempts(anyTwoHundred.txNo())).singleElement()
                .satisfies(a -> assertThat(a).containsEntry("http_status", 204).containsEntry("outcome", "ACKED"));
    }

    @Test
    void waitsAtLeastAsLongAsTheReceiverAsksWithRetryAfter() {
        var pay = pay("m1", merchant.url("/m1/throttle"));
        merchant.replyTo(pay.txNo(), Reply.retryAfter(429, 3));

        announce(pay);

        awaitTask(pay.txNo(), "SUCCEEDED", Duration.ofSeconds(30));
        List<Received> received = merchant.received(pay.txNo());
        assertThat(received).hasSize(2);
        // The schedule says 1 s; the receiver asked for 3.
        assertGap(received.get(0), received.get(1), 3_000, 4_500);
        assertThat(attempts(pay.txNo()).get(0)).containsEntry("outcome", "THROTTLED").containsEntry("http_status", 429);
    }

    @Test
    void disablesAnEndpointThatAnswersGoneAndDeliversItsWaitingTasksOnceAnOperatorEnablesIt() {
        String url = merchant.url("/m1/gone");
        var first = pay("m1", url);
        merchant.replyTo(first.txNo(), Reply.of(410, "gone"));

        announce(first);
        await().atMost(Duration.ofSeconds(20)).until(() -> attempts(first.txNo()).size() == 1);
        var second = pay("m1", url);
        announce(second);

        await().atMost(Duration.ofSeconds(10)).until(() -> tasks(second.txNo()) == 1);
        assertThat(jdbc.queryForMap("SELECT status, disabled_reason FROM notify_endpoint WHERE id = ?",
                endpointId(url))).containsEntry("status", "DISABLED");
        String endpoint = "endpoint " + endpointId(url) + " of m1 at " + url;
        assertThat(journal().entries()).filteredOn(entry -> entry.step().equals("ENDPOINT_DISABLED"))
                .extracting(JournalEntry::txNo, JournalEntry::outcome, JournalEntry::detail)
                .contains(tuple(null, "DISABLED", endpoint + " disabled: it answered 410 Gone"));
        // Waiting, not burning attempts: nothing more reaches the endpoint while it is disabled.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                .until(() -> merchant.receivedAt("/m1/gone").size() == 1);
        assertThat(task(first.txNo())).containsEntry("status", "PENDING").containsEntry("attempts", 0);
        assertThat(task(second.txNo())).containsEntry("status", "PENDING").containsEntry("attempts", 0);

        var enabled = operator("POST", "/operator/endpoints/" + endpointId(url) + "/enable", null);

        assertThat(enabled.statusCode()).isEqualTo(200);
        assertThat(journal().entries()).filteredOn(entry -> entry.step().equals("ENDPOINT_ENABLED"))
                .extracting(JournalEntry::detail).anySatisfy(detail -> assertThat(detail)
                        .startsWith(endpoint + " enabled by alice; 2 waiting tasks due now"));
        awaitTask(first.txNo(), "SUCCEEDED", Duration.ofSeconds(10));
        awaitTask(second.txNo(), "SUCCEEDED", Duration.ofSeconds(10));
        assertThat(merchant.received(second.txNo())).hasSize(1);
    }

    @Test
    void disablesAnEndpointThatKeepsFailingSoThatItsTasksWaitInsteadOfBurningTheirAttempts() {
        String url = merchant.url("/m3/failing");
        var pay = pay("m3", url);
        Reply down = Reply.of(500, "down");
        merchant.replyTo(pay.txNo(), down, down, down, down, down, down, down, down, down);

        announce(pay);

        // m3 disables an endpoint failing for 2 s; it retries every second and would give up after nine attempts.
        await().atMost(Duration.ofSeconds(20)).until(() -> "DISABLED".equals(jdbc.queryForObject(
                "SELECT status FROM notify_endpoint WHERE id = ?", String.class, endpointId(url))));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> merchant.received(pay.txNo()).size() <= 4);
        var waiting = task(pay.txNo());
        assertThat(waiting).containsEntry("status", "PENDING");
        assertThat((Integer) waiting.get("attempts")).isBetween(2, 4);
        assertThat(jdbc.queryForObject("SELECT disabled_reason FROM notify_endpoint WHERE id = ?", String.class,
                endpointId(url))).startsWith("failing since");

        merchant.replyTo(pay.txNo());
        operator("POST", "/operator/endpoints/" + endpointId(url) + "/enable", null);

        awaitTask(pay.txNo(), "SUCCEEDED", Duration.ofSeconds(10));
    }

    private static void assertGap(Received earlier, Received later, long atLeastMillis, long atMostMillis) {
        long gap = Duration.between(earlier.at(), later.at()).toMillis();
        assertThat(gap).as("gap between attempt %s and %s", earlier.attempt(), later.attempt())
                .isBetween(atLeastMillis, atMostMillis);
    }
}

package org.besteffort.notify.task;

import com.alibaba.fastjson2.JSON;
import org.besteffort.common.PayResult;
import org.besteffort.common.PayResultMessage;
import org.besteffort.common.PayResultSignature;
import org.besteffort.common.journal.JournalEntry;
import org.besteffort.notify.NotifyGatewayITSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

/**
 * What becomes a task: one per pay and receiver, only for a pay signed by the notifier that names a registered URL.
 */
class PayResultIntakeIT extends NotifyGatewayITSupport {

    @Autowired
    NotifyTasks tasks;

    @Autowired
    DataSource dataSource;

    /** Transactions waiting for a row lock right now, as the server counts them. */
    private int rowLockWaits() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.INNODB_TRX WHERE trx_state = 'LOCK WAIT'",
                Integer.class);
    }

    @Test
    void keepsOneTaskPerPayAndReceiverWhenTheMessageArrivesTwice() {
        var pay = pay("m1", merchant.url("/m1/twice"));

        announce(pay);
        announce(pay);

        awaitTask(pay.txNo(), "SUCCEEDED", Duration.ofSeconds(20));
        // The second copy finds the unique key (tx_no, receiver_id) taken; give it time to arrive and do nothing.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> tasks(pay.txNo()) == 1 && merchant.received(pay.txNo()).size() == 1);
        assertThat(journal().of(pay.txNo())).filteredOn(entry -> entry.step().equals("TASK_KEPT"))
                .extracting(JournalEntry::outcome).containsExactly("KEPT", "ALREADY_KEPT");
    }

    @Test
    void reportsTheBrokerRouteOfTheTopicInItsHealth() {
        var health = operator("GET", "/actuator/health", null);

        assertThat(health.statusCode()).isEqualTo(200);
        var rocketmq = JSON.parseObject(health.body()).getJSONObject("components").getJSONObject("rocketmq");
        assertThat(rocketmq.getString("status")).isEqualTo("UP");
        assertThat(rocketmq.getJSONObject("details").getIntValue("brokers")).isEqualTo(1);
    }

    @Test
    void keepsTheTaskWhenAnotherIntakeCreatedItsEndpointAMomentEarlier() throws Exception {
        String url = merchant.url("/m1/first-use");
        var pay = pay("m1", url);
        // Another intake transaction has created the endpoint and not committed yet, as on a new endpoint's first burst.
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            other.createStatement().executeUpdate("INSERT INTO notify_endpoint (receiver_id, notify_url, status, "
                    + "paused_until, updated_at) VALUES ('m1', '" + url + "', 'ENABLED', NOW(3), NOW(3))");
            Future<Boolean> kept = Executors.newSingleThreadExecutor().submit(() -> tasks.keep(pay));
            // keep() has read (no endpoint yet) and now waits on the other transaction's row.
            await().atMost(Duration.ofSeconds(10)).until(() -> rowLockWaits() > 0);

            other.commit();

            assertThat(kept.get(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(((Number) task(pay.txNo()).get("endpoint_id")).longValue()).isEqualTo(endpointId(url));
    }

    @Test
    void keepsNoTaskForAPayThatNamesNoReceiver() {
        var plain = PayResultMessage.of("tx-" + UUID.randomUUID(), "1", new BigDecimal("1.00"), PayResult.SUCCESS,
                Instant.now());
        var marker = pay("m1", merchant.url("/m1/main"));

        announce(plain);
        announce(marker);

        awaitTask(marker.txNo(), "SUCCEEDED", Duration.ofSeconds(20));
        assertThat(tasks(plain.txNo())).isZero();
    }

    @Test
    void neverCallsAUrlTheReceiverDidNotRegister() {
        var unregistered = pay("m1", merchant.url("/somewhere-else"));
        var unknownReceiver = pay("m9", merchant.url("/m1/main"));
        var marker = pay("m1", merchant.url("/m1/main"));

        announce(unregistered);
        announce(unknownReceiver);
        announce(marker);

        // The topic is consumed in order per queue, not across queues: wait for the marker, then a little more.
        awaitTask(marker.txNo(), "SUCCEEDED", Duration.ofSeconds(20));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> tasks(unregistered.txNo()) + tasks(unknownReceiver.txNo()) == 0);
        assertThat(merchant.receivedAt("/somewhere-else")).isEmpty();
        assertThat(merchant.received(unknownReceiver.txNo())).isEmpty();
    }

    @Test
    void believesOnlyPayResultsSignedByTheNotifier() {
        var forged = pay("m1", merchant.url("/m1/main"));
        byte[] body = forged.toJson();
        var tampered = pay("m1", merchant.url("/m1/main"));
        byte[] signedBody = tampered.toJson();
        String signature = PayResultSignature.sign(signedBody, PAY_SIGNING_SECRET);
        byte[] alteredBody = new String(signedBody).replace("10.00", "99.00").getBytes();
        var marker = pay("m1", merchant.url("/m1/main"));

        announceRaw(forged.txNo(), body, "k1", PayResultSignature.sign(body, "somebody-else's-secret"));
        announceRaw(tampered.txNo(), alteredBody, "k1", signature);
        announceRaw("tx-unsigned-" + UUID.randomUUID(), body, null, null);
        announce(marker);

        awaitTask(marker.txNo(), "SUCCEEDED", Duration.ofSeconds(20));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> tasks(forged.txNo()) + tasks(tampered.txNo()) == 0);
        assertThat(merchant.received(forged.txNo())).isEmpty();
        assertThat(awaitJournal(tampered.txNo(), 1))
                .extracting(JournalEntry::step, JournalEntry::outcome, JournalEntry::detail)
                .containsExactly(tuple("TASK_REFUSED", "REFUSED", "not signed by the notifier (key k1)"));
    }
}

package org.besteffort.account;

import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.Message;
import org.besteffort.account.receiver.ApplyOutcome;
import org.besteffort.account.receiver.PayResultApplied;
import org.besteffort.common.NotifyChannel;
import org.besteffort.common.PayResultMessage;
import org.besteffort.common.PayResultSignature;
import org.besteffort.common.journal.JournalEntry;
import org.besteffort.local.infra.TestHttp;
import org.besteffort.local.infra.Database;
import org.besteffort.local.infra.TestInfrastructure;
import org.besteffort.local.infra.TestJournal;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.awaitility.Awaitility;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * account-service in this JVM over the real broker and database, with the real pay-service as a separate process.
 * One application context for all subclasses, so that one consumer owns the consumer group.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "reconciliation.interval=300ms",
        "reconciliation.grace=1s",
        "reconciliation.lease=2s",
        "reconciliation.max-backoff=1s",
        "reconciliation.deadline=1m",
        // The statement job runs when a test calls it, so that it never settles what another test waits for.
        "statement-reconciliation.interval=1h",
        "receiver.max-reconsume-times=4",
        // Two secrets, as during a key rotation: application.yml's laptop secret and a second one.
        "receiver.notify.secrets[0]=" + AccountServiceITSupport.NOTIFY_SECRET,
        "receiver.notify.secrets[1]=" + AccountServiceITSupport.NOTIFY_SECOND_SECRET,
        // The notify URL pay-service's local profile registers (the cashier takes no order without one). No notify
        // gateway runs in these tests, so nothing posts to it: pay results arrive by message and by reconciliation.
        "recharge.notify.url=http://127.0.0.1:8082/notify/pay-result"})
@ActiveProfiles("local")
@Import(AccountServiceITSupport.AppliedOutcomes.class)
public abstract class AccountServiceITSupport {

    private static DefaultMQProducer producer;

    @LocalServerPort
    protected int port;

    /**
     * The test's own view of the service's schema, outside the service's pool and in autocommit: a row it writes is
     * there for the service at once (the service's connections are not in autocommit; see application.yml).
     */
    protected final JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(
            TestInfrastructure.shared().database().jdbcUrl("bank1"), Database.USER, Database.PASSWORD));

    @Autowired
    protected AppliedOutcomes outcomes;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        var infra = TestInfrastructure.shared();
        registry.add("spring.datasource.url", () -> infra.database().jdbcUrl("bank1"));
        registry.add("rocketmq.name-server", () -> infra.broker().nameServerAddress());
        registry.add("pay-service.url", () -> PayServiceProcess.shared().url());
        // The checkout sends the browser to this pay-service's cashier; checkout.public-url stays 127.0.0.1:8082, the
        // return URL base pay-service's local profile registers (this instance's own port is random).
        registry.add("checkout.pay-service-url", () -> PayServiceProcess.shared().url());
    }

    protected TestHttp accountService() {
        return new TestHttp("http://127.0.0.1:" + port);
    }

    protected PayServiceProcess payService() {
        return PayServiceProcess.shared();
    }

    /** account-service's journal, as the console reads it. */
    protected TestJournal journal() {
        return new TestJournal(accountService());
    }

    /** Waits until this journal holds at least {@code count} entries about the pay, and returns them, oldest first. */
    protected static List<JournalEntry> awaitJournal(TestJournal journal, String txNo, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> journal.of(txNo).size() >= count);
        return journal.of(txNo);
    }

    /** A test may have killed pay-service; the next one starts with it up. */
    @BeforeEach
    protected void payServiceIsUp() {
        payService().ensureRunning();
    }

    /** Switches pay-service's fault switch: the next {@code count} notifications are lost. */
    protected void dropNextNotifications(int count) {
        var response = payService().http().postJson("/ops/faults", "{\"dropNextNotifications\":%d}".formatted(count));
        assertThat(response.status()).isEqualTo(200);
    }

    /** An account of its own, balance 0.00, so that no other test's credit can move it. */
    protected String newAccount() {
        String accountNo = "n-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.update("INSERT INTO account_info (account_no, account_name, account_balance) VALUES (?, ?, 0.00)",
                accountNo, "test " + accountNo);
        return accountNo;
    }

    protected BigDecimal balance(String accountNo) {
        return jdbc.queryForObject("SELECT account_balance FROM account_info WHERE account_no = ?",
                BigDecimal.class, accountNo);
    }

    protected int deduplicationRows(String txNo) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM de_duplication WHERE tx_no = ?", Integer.class, txNo);
    }

    protected Map<String, Object> recharge(String txNo) {
        return jdbc.queryForMap("SELECT * FROM account_recharge WHERE tx_no = ?", txNo);
    }

    /** The signing key both services share in this test (application.yml's laptop key). */
    protected static final String KEY_ID = "k1";
    protected static final String SECRET = "local-dev-secret-change-me";

    /** The notify gateway's secret for receiver bank1 (application.yml's laptop secret), and a second one. */
    protected static final String NOTIFY_SECRET = "whsec_bG9jYWwtZGV2LW5vdGlmeS1zZWNyZXQtY2hhbmdlLW1l";
    protected static final String NOTIFY_SECOND_SECRET = "whsec_aXQtc2Vjb25kLW5vdGlmeS1zZWNyZXQtYWZ0ZXItcm90YXRpb24=";

    /** Publishes a notification on the topic exactly as pay-service does: JSON body, key = txNo, signed. */
    protected static void announce(PayResultMessage message) {
        try {
            producer().send(signed(message));
        } catch (Exception e) {
            throw new IllegalStateException("could not publish " + message.txNo(), e);
        }
    }

    /**
     * {@link #announce} to one queue of the topic (modulo their number): what is sent to one queue is pulled in its
     * order, and can arrive as one batch.
     */
    protected static void announceTo(PayResultMessage message, int queue) {
        try {
            producer().send(signed(message), (queues, ignored, index) -> queues.get((Integer) index % queues.size()),
                    queue);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish " + message.txNo(), e);
        }
    }

    /** How many queues the topic has to publish to. */
    protected static int topicQueues() {
        try {
            return producer().fetchPublishMessageQueues(NotifyChannel.TOPIC).size();
        } catch (MQClientException e) {
            throw new IllegalStateException("could not read the queues of " + NotifyChannel.TOPIC, e);
        }
    }

    private static Message signed(PayResultMessage message) {
        byte[] body = message.toJson();
        return message(message.txNo(), body, KEY_ID, PayResultSignature.sign(body, SECRET));
    }

    /** Publishes a raw body under a key, as a broken or hostile producer could; null key id: unsigned. */
    protected static void announceRaw(String txNo, byte[] body, String keyId, String signature) {
        try {
            producer().send(message(txNo, body, keyId, signature));
        } catch (Exception e) {
            throw new IllegalStateException("could not publish " + txNo, e);
        }
    }

    private static Message message(String txNo, byte[] body, String keyId, String signature) {
        Message message = new Message(NotifyChannel.TOPIC, "", txNo, body);
        if (keyId != null) {
            message.putUserProperty(PayResultSignature.KEY_ID_PROPERTY, keyId);
            message.putUserProperty(PayResultSignature.SIGNATURE_PROPERTY, signature);
        }
        return message;
    }

    private static synchronized DefaultMQProducer producer() throws MQClientException {
        if (producer == null) {
            producer = new DefaultMQProducer("it_producer_account_service");
            producer.setNamesrvAddr(TestInfrastructure.shared().broker().nameServerAddress());
            producer.start();
        }
        return producer;
    }

    /** Every pay result the applier handled, by txNo, in order. */
    @TestConfiguration
    public static class AppliedOutcomes {

        private final Map<String, List<PayResultApplied>> byTxNo = new ConcurrentHashMap<>();

        @EventListener
        void record(PayResultApplied applied) {
            byTxNo.computeIfAbsent(applied.txNo(), key -> new CopyOnWriteArrayList<>()).add(applied);
        }

        public List<PayResultApplied> of(String txNo) {
            return byTxNo.getOrDefault(txNo, List.of());
        }

        public List<ApplyOutcome> outcomes(String txNo) {
            return of(txNo).stream().map(PayResultApplied::outcome).toList();
        }

        /** Waits until the applier has handled this txNo at least {@code times} times. */
        public List<PayResultApplied> await(String txNo, int times) {
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> of(txNo).size() >= times);
            return of(txNo);
        }
    }
}

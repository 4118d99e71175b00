package org.besteffort.account.receiver;

import org.besteffort.account.AccountServiceITSupport;
import org.besteffort.account.recharge.SettledBy;
import org.besteffort.common.PayResult;
import org.besteffort.common.PayResultMessage;
import org.besteffort.common.PayResultSignature;
import org.besteffort.common.journal.JournalEntry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

/**
 * The listener over the real broker: acknowledgement, redelivery, idempotency and parking.
 */
class PayResultReceiverIT extends AccountServiceITSupport {

    @Autowired
    PayResultApplier applier;

    @Test
    void creditsAnAnnouncedPay() {
        var before = balance("1");
        var pay = success("1", "100.00");

        announce(pay);

        assertThat(outcomes.await(pay.txNo(), 1)).extracting(PayResultApplied::outcome)
                .containsExactly(ApplyOutcome.CREDITED);
        assertThat(balance("1")).isEqualByComparingTo(before.add(new BigDecimal("100.00")));
        assertThat(recharge(pay.txNo())).containsEntry("status", "SETTLED").containsEntry("settled_by", "MESSAGE")
                .containsEntry("origin", "ANNOUNCED");
    }

    @Test
    void creditsAMessageDeliveredTwiceOnce() {
        var before = balance("2");
        var pay = success("2", "7.77");

        announce(pay);
        announce(pay);

        assertThat(outcomes.await(pay.txNo(), 2)).extracting(PayResultApplied::outcome)
                .containsExactlyInAnyOrder(ApplyOutcome.CREDITED, ApplyOutcome.ALREADY_APPLIED);
        assertThat(balance("2")).isEqualByComparingTo(before.add(new BigDecimal("7.77")));
        assertThat(deduplicationRows(pay.txNo())).isEqualTo(1);
    }

    @Test
    void creditsTheSameResultArrivingTwiceAtTheSameMomentOnce() throws Exception {
        var before = balance("3");
        List<PayResultMessage> pays = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            pays.add(success("3", "1.01"));
        }
        ExecutorService twoDeliveries = Executors.newFixedThreadPool(2);
        try {
            for (PayResultMessage pay : pays) {
                var start = new CountDownLatch(1);
                Future<ApplyOutcome> first = twoDeliveries.submit(() -> {
                    start.await();
                    return applier.apply(pay, SettledBy.MESSAGE);
                });
                Future<ApplyOutcome> second = twoDeliveries.submit(() -> {
                    start.await();
                    return applier.apply(pay, SettledBy.MESSAGE);
                });
                start.countDown();
                assertThat(List.of(first.get(), second.get()))
                        .containsExactlyInAnyOrder(ApplyOutcome.CREDITED, ApplyOutcome.ALREADY_APPLIED);
            }
        } finally {
            twoDeliveries.shutdownNow();
        }

        assertThat(balance("3")).isEqualByComparingTo(before.add(new BigDecimal("40.40")));
        pays.forEach(pay -> assertThat(deduplicationRows(pay.txNo())).isEqualTo(1));
    }

    @Test
    void redeliversAFailedDeliveryAndCreditsItOnce() {
        var before = balance("4");
        var pay = success("4", "55.50");
        var faults = accountService().postJson("/ops/faults", "{\"failNextDeliveries\":2}");
        assertThat(faults.status()).isEqualTo(200);

        announce(pay);

        assertThat(outcomes.await(pay.txNo(), 1)).extracting(PayResultApplied::outcome)
                .containsExactly(ApplyOutcome.CREDITED);
        // Both injected failures were spent on this message before the third delivery applied it.
        assertThat(accountService().get("/ops/faults").json().getIntValue("failNextDeliveries")).isZero();
        assertThat(balance("4")).isEqualByComparingTo(before.add(new BigDecimal("55.50")));
        assertThat(deduplicationRows(pay.txNo())).isEqualTo(1);
        assertThat(awaitJournal(journal(), pay.txNo(), 3))
                .extracting(JournalEntry::step, JournalEntry::attempt, JournalEntry::outcome)
                .containsExactly(tuple("DELIVERED", 1, "FAILED"), tuple("DELIVERED", 2, "FAILED"),
                        tuple("DELIVERED", 3, "CREDITED"));
    }

    /**
     * The failure happens inside the apply transaction, after its {@code de_duplication} insert: a trigger on the
     * balance's UPDATE (the last statement before the commit) fails the first time, counted by a sequence, which no
     * rollback undoes. Had the insert stood, the redelivery would find the txNo applied and never credit it.
     */
    @Test
    void rollsBackTheDeduplicationRowWithTheBalanceWhenTheApplyFailsAfterIt() {
        String account = newAccount();
        String fault = "it_fail_" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.execute("CREATE SEQUENCE " + fault);
        jdbc.execute("""
                CREATE TRIGGER %s BEFORE UPDATE ON account_info FOR EACH ROW
                BEGIN
                  IF NEW.account_no = '%s' THEN
                    IF NEXTVAL(%s) = 1 THEN
                      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'injected after the de_duplication insert';
                    END IF;
                  END IF;
                END""".formatted(fault, account, fault));
        try {
            var pay = success(account, "9.00");

            announce(pay);

            assertThat(outcomes.await(pay.txNo(), 1)).extracting(PayResultApplied::outcome, PayResultApplied::attempt)
                    .containsExactly(tuple(ApplyOutcome.CREDITED, 2));
            assertThat(awaitJournal(journal(), pay.txNo(), 2)).extracting(JournalEntry::attempt, JournalEntry::outcome)
                    .containsExactly(tuple(1, "FAILED"), tuple(2, "CREDITED"));
            assertThat(journal().of(pay.txNo()).get(0).detail()).contains("injected after the de_duplication insert");
            assertThat(balance(account)).isEqualByComparingTo("9.00");
            assertThat(deduplicationRows(pay.txNo())).isEqualTo(1);
            assertThat(recharge(pay.txNo())).containsEntry("status", "SETTLED").containsEntry("settled_attempt", 2);
        } finally {
            jdbc.execute("DROP TRIGGER IF EXISTS " + fault);
            jdbc.execute("DROP SEQUENCE IF EXISTS " + fault);
        }
    }

    @Test
    void journalsADeliveryThatArrivesSecondAsAlreadyApplied() {
        var pay = success(newAccount(), "12.30");

        announce(pay);
        outcomes.await(pay.txNo(), 1);
        announce(pay);

        List<JournalEntry> entries = awaitJournal(journal(), pay.txNo(), 2);
        assertThat(entries).extracting(JournalEntry::step, JournalEntry::attempt, JournalEntry::outcome)
                .containsExactly(tuple("DELIVERED", 1, "CREDITED"), tuple("DELIVERED", 1, "ALREADY_APPLIED"));
        assertThat(entries.get(0).accountNo()).isEqualTo(pay.accountNo());
        assertThat(entries.get(0).amount()).hasToString("12.30");
        assertThat(entries.get(0).seq()).isLessThan(entries.get(1).seq());
        assertThat(balance(pay.accountNo())).isEqualByComparingTo("12.30");
    }

    @Test
    void parksAPayForAnUnknownAccountAndAcknowledgesIt() {
        var pay = success("no-such-account", "10.00");

        announce(pay);

        assertThat(outcomes.await(pay.txNo(), 1)).extracting(PayResultApplied::outcome)
                .containsExactly(ApplyOutcome.PARKED);
        // Acknowledged: with 1 s redelivery delays in this broker, a retry would have parked it again by now.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> parkedTimesSeen(pay.txNo()) == 1);
        assertThat(outcomes.of(pay.txNo())).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT reason FROM parked_notification WHERE tx_no = ?", String.class,
                pay.txNo())).contains("unknown account");
        assertThat(deduplicationRows(pay.txNo())).isZero();
        assertThat(journal().of(pay.txNo())).extracting(JournalEntry::step, JournalEntry::outcome)
                .containsExactly(tuple("DELIVERED", "PARKED"));
    }

    @Test
    void parksAPayThatContradictsTheRechargeStartedHereAndCreditsNothing() {
        // A recharge started here for 100.00 (as the checkout records one), and the pay that comes back is for 0.01:
        // an order altered in the browser on its way to the cashier.
        String txNo = "it-" + UUID.randomUUID();
        jdbc.update("""
                INSERT INTO account_recharge (tx_no, account_no, amount, status, origin, attempts, next_attempt_at,
                                              created_at, updated_at)
                VALUES (?, '3', 100.00, 'PENDING', 'STARTED_HERE', 0, NOW(3) + INTERVAL 1 HOUR, NOW(3), NOW(3))
                """, txNo);
        var before = balance("3");

        announce(PayResultMessage.of(txNo, "3", new BigDecimal("0.01"), PayResult.SUCCESS, Instant.now()));

        assertThat(outcomes.await(txNo, 1)).extracting(PayResultApplied::outcome)
                .containsExactly(ApplyOutcome.PARKED);
        assertThat(balance("3")).isEqualByComparingTo(before);
        assertThat(deduplicationRows(txNo)).isZero();
        assertThat(recharge(txNo)).containsEntry("status", "PENDING");
        assertThat(jdbc.queryForObject("SELECT reason FROM parked_notification WHERE tx_no = ?", String.class, txNo))
                .contains("another account or amount");
    }

    @Test
    void parksAnUnreadableMessage() {
        String key = "garbage-" + UUID.randomUUID();

        byte[] body = "{not a pay result".getBytes(StandardCharsets.UTF_8);
        announceRaw(key, body, KEY_ID, PayResultSignature.sign(body, SECRET));

        await().atMost(Duration.ofSeconds(30)).until(() -> parkedTimesSeen(key) == 1);
        assertThat(jdbc.queryForObject("SELECT payload FROM parked_notification WHERE tx_no = ?", String.class, key))
                .isEqualTo("{not a pay result");
        assertThat(deduplicationRows(key)).isZero();
    }

    @Test
    void parksAMessageWhoseKeyAndAccountAreTooLongForTheirColumnsCutToThem() {
        String key = "long-" + UUID.randomUUID() + "-" + "k".repeat(300);
        String account = "a".repeat(40);
        byte[] body = PayResultMessage.of(key, account, new BigDecimal("1.00"), PayResult.SUCCESS, Instant.now())
                .toJson();
        // Unsigned: parked under the message's key; then, signed, an unknown account parked under the pay's txNo.
        announceRaw(key, body, null, null);

        String parkedKey = key.substring(0, 64);
        await().atMost(Duration.ofSeconds(30)).until(() -> parkedTimesSeen(parkedKey) == 1);
        assertThat(parkedReason(parkedKey)).startsWith("unsigned message (key truncated from " + key.length()
                + " to 64 characters)");
        assertThat(jdbc.queryForObject("SELECT payload FROM parked_notification WHERE tx_no = ?", String.class,
                parkedKey)).isEqualTo(new String(body, StandardCharsets.UTF_8));

        jdbc.update("DELETE FROM parked_notification WHERE tx_no = ?", parkedKey);
        announceRaw(key, body, KEY_ID, PayResultSignature.sign(body, SECRET));

        await().atMost(Duration.ofSeconds(30)).until(() -> parkedTimesSeen(parkedKey) == 1);
        assertThat(parkedReason(parkedKey)).isEqualTo("txNo of " + key.length() + " characters, longer than any"
                + " pay's (key truncated from " + key.length() + " to 64 characters; account truncated from 40 to 32"
                + " characters)");
        assertThat(deduplicationRows(parkedKey)).isZero();

        var unknownAccount = PayResultMessage.of(newTxNo(), account, new BigDecimal("1.00"), PayResult.SUCCESS,
                Instant.now());
        announce(unknownAccount);

        assertThat(outcomes.await(unknownAccount.txNo(), 1)).extracting(PayResultApplied::outcome)
                .containsExactly(ApplyOutcome.PARKED);
        assertThat(parkedReason(unknownAccount.txNo())).isEqualTo("unknown account " + account
                + " (account truncated from 40 to 32 characters)");
        assertThat(jdbc.queryForObject("SELECT account_no FROM parked_notification WHERE tx_no = ?", String.class,
                unknownAccount.txNo())).isEqualTo(account.substring(0, 32));
    }

    @Test
    void recordsAFailedPayWithoutCrediting() {
        var before = balance("5");
        var pay = PayResultMessage.of(newTxNo(), "5", new BigDecimal("30.00"), PayResult.FAIL, Instant.now());

        announce(pay);

        assertThat(outcomes.await(pay.txNo(), 1)).extracting(PayResultApplied::outcome)
                .containsExactly(ApplyOutcome.PAY_FAILED);
        assertThat(balance("5")).isEqualByComparingTo(before);
        assertThat(recharge(pay.txNo())).containsEntry("status", "FAILED").containsEntry("origin", "ANNOUNCED");
        assertThat(deduplicationRows(pay.txNo())).isZero();
    }

    @Test
    void neverCreditsAForgedMessageForATxNoPayServiceNeverIssued() {
        var before = balance("1");
        var forged = success("1", "5000.00");
        byte[] body = forged.toJson();

        announceRaw(forged.txNo(), body, null, null);
        announceRaw(forged.txNo() + "-k9", body, "k9", PayResultSignature.sign(body, "a guess"));
        announceRaw(forged.txNo() + "-k1", body, KEY_ID, PayResultSignature.sign(body, "a wrong guess"));

        await().atMost(Duration.ofSeconds(30)).until(() -> parkedTimesSeen(forged.txNo()) == 1
                && parkedTimesSeen(forged.txNo() + "-k9") == 1 && parkedTimesSeen(forged.txNo() + "-k1") == 1);
        assertThat(parkedReason(forged.txNo())).isEqualTo("unsigned message");
        assertThat(parkedReason(forged.txNo() + "-k9")).isEqualTo("unknown signing key k9");
        assertThat(parkedReason(forged.txNo() + "-k1")).isEqualTo("bad signature (key k1)");
        assertThat(balance("1")).isEqualByComparingTo(before);
        assertThat(deduplicationRows(forged.txNo())).isZero();
        assertThat(awaitJournal(journal(), forged.txNo() + "-k1", 1))
                .extracting(JournalEntry::step, JournalEntry::outcome, JournalEntry::detail)
                .containsExactly(tuple("DELIVERED", "UNTRUSTED", "parked: bad signature (key k1)"));
    }

    @Test
    void neverCreditsAMessageWhoseAmountWasAlteredAfterSigning() {
        var before = balance("2");
        var genuine = success("2", "7.31");
        byte[] body = genuine.toJson();
        String signature = PayResultSignature.sign(body, SECRET);
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("\"amount\":7.31", "\"amount\":7000.31")
                .getBytes(StandardCharsets.UTF_8);

        announceRaw(genuine.txNo(), tampered, KEY_ID, signature);

        await().atMost(Duration.ofSeconds(30)).until(() -> parkedTimesSeen(genuine.txNo()) == 1);
        assertThat(parkedReason(genuine.txNo())).isEqualTo("bad signature (key k1)");
        assertThat(jdbc.queryForObject("SELECT payload FROM parked_notification WHERE tx_no = ?", String.class,
                genuine.txNo())).contains("7000.31");
        assertThat(balance("2")).isEqualByComparingTo(before);
        assertThat(deduplicationRows(genuine.txNo())).isZero();
    }

    private String parkedReason(String txNo) {
        return jdbc.queryForObject("SELECT reason FROM parked_notification WHERE tx_no = ?", String.class, txNo);
    }

    @Test
    void leavesAPayResultForAnotherReceiverAlone() {
        String account = newAccount();
        var ours = PayResultMessage.of(newTxNo(), account, new BigDecimal("4.00"), PayResult.SUCCESS, Instant.now(),
                "bank1", "http://127.0.0.1:8082/notify/pay-result");
        var theirs = PayResultMessage.of(newTxNo(), account, new BigDecimal("400.00"), PayResult.SUCCESS, Instant.now(),
                "shop", "https://203.0.113.10/notify");

        announce(theirs);
        announce(ours);

        assertThat(outcomes.await(ours.txNo(), 1)).extracting(PayResultApplied::outcome)
                .containsExactly(ApplyOutcome.CREDITED);
        // The topic is ordered per queue only: give the other merchant's result time to arrive and be ignored.
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> outcomes.of(theirs.txNo()).isEmpty() && deduplicationRows(theirs.txNo()) == 0);
        assertThat(balance(account)).isEqualByComparingTo("4.00");
        assertThat(awaitJournal(journal(), theirs.txNo(), 1)).extracting(JournalEntry::step, JournalEntry::outcome)
                .containsExactly(tuple("DELIVERED", "IGNORED"));
    }

    @Test
    void refusesToHoldDeliveriesLongerThanThirtySecondsAndChangesNothing() {
        for (String delay : List.of("PT31S", "PT1H", "-PT1S")) {
            var refused = accountService().postJson("/ops/faults",
                    "{\"failNextDeliveries\":5,\"slowDeliveriesBy\":\"%s\"}".formatted(delay));

            assertThat(refused.status()).as(delay).isEqualTo(400);
            assertThat(refused.isProblem()).isTrue();
            assertThat(refused.json().getString("detail")).contains("between 0s and PT30S");
        }
        var state = accountService().get("/ops/faults").json();
        assertThat(state.getIntValue("failNextDeliveries")).isZero();
        assertThat(state.getString("slowDeliveriesBy")).isEqualTo("PT0S");
    }

    private int parkedTimesSeen(String txNo) {
        return jdbc.queryForObject("SELECT COALESCE(SUM(times_seen), 0) FROM parked_notification WHERE tx_no = ?",
                Integer.class, txNo);
    }

    private static PayResultMessage success(String accountNo, String amount) {
        return PayResultMessage.of(newTxNo(), accountNo, new BigDecimal(amount), PayResult.SUCCESS, Instant.now());
    }

    private static String newTxNo() {
        return "it-" + UUID.randomUUID();
    }
}

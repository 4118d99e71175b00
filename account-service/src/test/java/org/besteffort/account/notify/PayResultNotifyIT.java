package org.besteffort.account.notify;

import org.besteffort.account.AccountServiceITSupport;
import org.besteffort.account.receiver.ApplyOutcome;
import org.besteffort.account.receiver.PayResultApplied;
import org.besteffort.account.recharge.RechargeMapper;
import org.besteffort.account.recharge.SettledBy;
import org.besteffort.common.PayResult;
import org.besteffort.common.PayResultNotification;
import org.besteffort.common.journal.JournalEntry;
import org.besteffort.local.infra.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * Scheme 2 at the receiver: the notify gateway's signed POSTs to the notify_url of the running service, over real
 * HTTP, the real database and the same applier as the listener. Each test credits its own fresh account.
 */
class PayResultNotifyIT extends AccountServiceITSupport {

    /** A key the receiver does not know: what a forger, or the gateway before a rotation, signs with. */
    private static final String UNKNOWN_SECRET = "whsec_YW4tYXR0YWNrZXJzLWd1ZXNzLW9mLXRoZS1ub3RpZnkta2V5";

    @Autowired
    RechargeMapper recharges;

    @Test
    void creditsASignedNotificationOnceAndAnswersSuccess() {
        String account = newAccount();
        var pay = notification(account, "25.50", PayResult.SUCCESS);

        var answer = send(GatewayPost.signed(NOTIFY_SECRET, pay.toJson()).attempt("3"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("text/plain");
        assertThat(answer.body()).isEqualTo("success");
        assertThat(balance(account)).isEqualByComparingTo("25.50");
        assertThat(deduplicationRows(pay.txNo())).isEqualTo(1);
        assertThat(recharge(pay.txNo())).containsEntry("status", "SETTLED").containsEntry("settled_by", "NOTIFY")
                .containsEntry("settled_attempt", 3).containsEntry("origin", "ANNOUNCED");
        assertThat(outcomes.of(pay.txNo())).extracting(PayResultApplied::path, PayResultApplied::outcome)
                .containsExactly(tuple(SettledBy.NOTIFY, ApplyOutcome.CREDITED));
    }

    @Test
    void theSameWebhookPostedTwiceCreditsOnce() {
        String account = newAccount();
        var pay = notification(account, "7.77", PayResult.SUCCESS);
        var post = GatewayPost.signed(NOTIFY_SECRET, pay.toJson());

        var first = send(post);
        var again = send(post);
        // The gateway's next attempt after a lost answer: the same pay under a new webhook-id.
        var sameRecharge = send(GatewayPost.signed(NOTIFY_SECRET, pay.toJson()).attempt("2"));

        assertThat(first.body()).isEqualTo("success");
        assertThat(again.body()).isEqualTo("success");
        assertThat(sameRecharge.body()).isEqualTo("success");
        assertThat(balance(account)).isEqualByComparingTo("7.77");
        assertThat(deduplicationRows(pay.txNo())).isEqualTo(1);
        assertThat(outcomes.outcomes(pay.txNo())).containsExactly(ApplyOutcome.CREDITED,
                ApplyOutcome.ALREADY_APPLIED, ApplyOutcome.ALREADY_APPLIED);
        assertThat(recharge(pay.txNo())).containsEntry("settled_attempt", 1);
        assertThat(journal().of(pay.txNo()))
                .extracting(JournalEntry::step, JournalEntry::attempt, JournalEntry::outcome)
                .containsExactly(tuple("NOTIFIED", 1, "CREDITED"), tuple("NOTIFIED", 1, "ALREADY_APPLIED"),
                        tuple("NOTIFIED", 2, "ALREADY_APPLIED"));
    }

    @Test
    void answersDownWhileTheFaultSwitchSaysSoThenCreditsTheNextAttempt() {
        String account = newAccount();
        var pay = notification(account, "8.80", PayResult.SUCCESS);
        var switched = accountService().postJson("/ops/faults", "{\"failNextNotifies\":1}");
        assertThat(switched.json().getIntValue("failNextNotifies")).isEqualTo(1);

        var down = send(GatewayPost.signed(NOTIFY_SECRET, pay.toJson()));
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.body()).isEqualTo("down (fault switch)");
        assertNothingWritten(pay.txNo(), account);

        var next = send(GatewayPost.signed(NOTIFY_SECRET, pay.toJson()).attempt("2"));
        assertThat(next.body()).isEqualTo("success");
        assertThat(balance(account)).isEqualByComparingTo("8.80");
        assertThat(recharge(pay.txNo())).containsEntry("settled_by", "NOTIFY").containsEntry("settled_attempt", 2);
        assertThat(accountService().get("/ops/faults").json().getIntValue("failNextNotifies")).isZero();
        assertThat(journal().of(pay.txNo()))
                .extracting(JournalEntry::step, JournalEntry::attempt, JournalEntry::outcome)
                .containsExactly(tuple("NOTIFIED", 1, "FAILED"), tuple("NOTIFIED", 2, "CREDITED"));
    }

    @Test
    void refusesAForgedSignature() {
        String account = newAccount();
        var pay = notification(account, "5000.00", PayResult.SUCCESS);

        var answer = send(GatewayPost.signed(UNKNOWN_SECRET, pay.toJson()));

        assertNotVerified(answer, "No matching signature found");
        assertNothingWritten(pay.txNo(), account);
        assertThat(journal().of(pay.txNo()))
                .extracting(JournalEntry::step, JournalEntry::outcome, JournalEntry::detail)
                .containsExactly(tuple("NOTIFIED", "REFUSED",
                        "notification signature not verified: No matching signature found"));
    }

    @Test
    void refusesABodyAlteredAfterSigning() {
        String account = newAccount();
        var pay = notification(account, "7.31", PayResult.SUCCESS);
        var genuine = GatewayPost.signed(NOTIFY_SECRET, pay.toJson());
        String tampered = genuine.body().replace("7.31", "7000.31");
        assertThat(tampered).isNotEqualTo(genuine.body());

        var answer = send(genuine.body(tampered));

        assertNotVerified(answer, "No matching signature found");
        assertNothingWritten(pay.txNo(), account);
    }

    @Test
    void refusesAnUnsignedNotification() {
        String account = newAccount();
        var pay = notification(account, "10.00", PayResult.SUCCESS);

        var answer = send(GatewayPost.signed(NOTIFY_SECRET, pay.toJson()).unsigned());

        assertNotVerified(answer, "Missing required headers");
        assertNothingWritten(pay.txNo(), account);
    }

    @Test
    void refusesAStaleTimestamp() {
        String account = newAccount();
        var pay = notification(account, "10.00", PayResult.SUCCESS);
        String webhookId = "msg_" + UUID.randomUUID();
        long tenMinutesAgo = Instant.now().minus(10, ChronoUnit.MINUTES).getEpochSecond();
        // Correctly signed, only too old: a replay of a recorded notification looks exactly like this.
        var stale = new GatewayPost(webhookId, Long.toString(tenMinutesAgo),
                GatewayPost.sign(NOTIFY_SECRET, webhookId, tenMinutesAgo, pay.toJson()), "1", pay.toJson());

        var answer = send(stale);

        assertNotVerified(answer, "Message timestamp too old");
        assertNothingWritten(pay.txNo(), account);
    }

    @Test
    void acceptsTwoSignaturesDuringAKeyRotation() {
        String account = newAccount();
        var pay = notification(account, "3.30", PayResult.SUCCESS);
        var post = GatewayPost.signed(NOTIFY_SECRET, pay.toJson());
        long timestamp = Long.parseLong(post.timestamp());
        String byTheNewKey = GatewayPost.sign(UNKNOWN_SECRET, post.webhookId(), timestamp, post.body());

        var answer = send(post.signature(byTheNewKey + " " + post.signature()));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("success");
        assertThat(balance(account)).isEqualByComparingTo("3.30");
    }

    @Test
    void acceptsANotificationSignedWithTheSecondConfiguredSecret() {
        String account = newAccount();
        var pay = notification(account, "4.40", PayResult.SUCCESS);

        var answer = send(GatewayPost.signed(NOTIFY_SECOND_SECRET, pay.toJson()));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("success");
        assertThat(balance(account)).isEqualByComparingTo("4.40");
    }

    @Test
    void acceptsASignatureComputedByHandAsTheStandardDefinesIt() throws Exception {
        String account = newAccount();
        String body = notification(account, "6.60", PayResult.SUCCESS).toJson();
        String webhookId = "msg_" + UUID.randomUUID();
        long timestamp = Instant.now().getEpochSecond();
        // The scheme itself: HMAC-SHA256, keyed by the base64-decoded whsec_ secret, over "id.timestamp.body".
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(Base64.getDecoder().decode(NOTIFY_SECRET.substring("whsec_".length())),
                "HmacSHA256"));
        String byHand = "v1," + Base64.getEncoder().encodeToString(
                hmac.doFinal((webhookId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));

        var answer = send(new GatewayPost(webhookId, Long.toString(timestamp), byHand, "1", body));

        assertThat(byHand).isEqualTo(GatewayPost.sign(NOTIFY_SECRET, webhookId, timestamp, body));
        assertThat(answer.body()).isEqualTo("success");
        assertThat(balance(account)).isEqualByComparingTo("6.60");
    }

    @Test
    void parksANotificationForAnotherReceiver() {
        String account = newAccount();
        var pay = new PayResultNotification(PayResultNotification.TYPE, "bank9", newTxNo(), account,
                new BigDecimal("12.00"), PayResult.SUCCESS, Instant.now());

        var answer = send(GatewayPost.signed(NOTIFY_SECRET, pay.toJson()));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.json().getString("detail")).isEqualTo("notification for receiver bank9");
        assertThat(answer.json().getString("txNo")).isEqualTo(pay.txNo());
        assertThat(parkedReason(pay.txNo())).isEqualTo("notification for receiver bank9");
        assertThat(parkedRows(pay.txNo())).isEqualTo(1);
        assertThat(balance(account)).isEqualByComparingTo("0.00");
        assertThat(deduplicationRows(pay.txNo())).isZero();
        assertThat(rechargeRows(pay.txNo())).isZero();
    }

    @Test
    void refusesANotificationWhoseAmountDiffersFromTheRechargeItStarted() {
        String account = newAccount();
        String txNo = newTxNo();
        recharges.insertPending(txNo, account, new BigDecimal("50.00"), Instant.now().truncatedTo(ChronoUnit.MILLIS));
        var pay = notification(txNo, account, "9.00", PayResult.SUCCESS);

        var answer = send(GatewayPost.signed(NOTIFY_SECRET, pay.toJson()));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.json().getString("detail"))
                .isEqualTo("notified amount 9.00 differs from recharge amount 50.00");
        assertThat(parkedReason(txNo)).isEqualTo("notified amount 9.00 differs from recharge amount 50.00");
        assertThat(journal().of(txNo)).extracting(JournalEntry::step, JournalEntry::outcome)
                .containsExactly(tuple("NOTIFIED", "REFUSED"));
        assertThat(balance(account)).isEqualByComparingTo("0.00");
        assertThat(deduplicationRows(txNo)).isZero();
        assertThat(recharge(txNo)).containsEntry("status", "PENDING");
    }

    @Test
    void settlesARechargeItStartedWhenAccountAndAmountMatch() {
        String account = newAccount();
        String txNo = newTxNo();
        recharges.insertPending(txNo, account, new BigDecimal("50.00"), Instant.now().truncatedTo(ChronoUnit.MILLIS));
        // 50.0 is 50.00: amounts are compared as numbers, not as text.
        var pay = notification(txNo, account, "50.0", PayResult.SUCCESS);

        var answer = send(GatewayPost.signed(NOTIFY_SECRET, pay.toJson()).attempt("2"));

        assertThat(answer.body()).isEqualTo("success");
        assertThat(balance(account)).isEqualByComparingTo("50.00");
        assertThat(recharge(txNo)).containsEntry("status", "SETTLED").containsEntry("settled_by", "NOTIFY")
                .containsEntry("settled_attempt", 2).containsEntry("origin", "STARTED_HERE");
        assertThat(parkedRows(txNo)).isZero();
    }

    @Test
    void recordsAFailedPayWithoutCreditingAndAnswersSuccess() {
        String account = newAccount();
        String txNo = newTxNo();
        recharges.insertPending(txNo, account, new BigDecimal("30.00"), Instant.now().truncatedTo(ChronoUnit.MILLIS));
        var failed = notification(txNo, account, "30.00", PayResult.FAIL);

        var answer = send(GatewayPost.signed(NOTIFY_SECRET, failed.toJson()));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("success");
        assertThat(balance(account)).isEqualByComparingTo("0.00");
        assertThat(deduplicationRows(txNo)).isZero();
        assertThat(recharge(txNo)).containsEntry("status", "FAILED");
        assertThat(outcomes.outcomes(txNo)).containsExactly(ApplyOutcome.PAY_FAILED);
    }

    @Test
    void parksAPayForAnUnknownAccountAndAnswersSuccess() {
        var pay = notification("no-such-account", "10.00", PayResult.SUCCESS);

        var answer = send(GatewayPost.signed(NOTIFY_SECRET, pay.toJson()));

        // As scheme 1 does: retrying cannot create the account, so it is parked and acknowledged.
        assertThat(answer.body()).isEqualTo("success");
        assertThat(parkedReason(pay.txNo())).isEqualTo("unknown account no-such-account");
        assertThat(deduplicationRows(pay.txNo())).isZero();
        assertThat(outcomes.outcomes(pay.txNo())).containsExactly(ApplyOutcome.PARKED);
    }

    @Test
    void refusesASignedBodyThatIsNotAPayResult() {
        String account = newAccount();
        var refund = notification(account, "1.00", PayResult.SUCCESS);
        String garbage = "{not a pay result " + UUID.randomUUID();
        String otherEvent = refund.toJson().replace("pay.result", "refund.result");

        var garbageAnswer = send(GatewayPost.signed(NOTIFY_SECRET, garbage));
        var otherEventAnswer = send(GatewayPost.signed(NOTIFY_SECRET, otherEvent));

        assertThat(garbageAnswer.status()).isEqualTo(400);
        assertThat(garbageAnswer.isProblem()).isTrue();
        assertThat(otherEventAnswer.status()).isEqualTo(400);
        assertThat(otherEventAnswer.json().getString("detail")).contains("refund.result");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM parked_notification WHERE payload IN (?, ?)",
                Integer.class, garbage, otherEvent)).isZero();
        assertNothingWritten(refund.txNo(), account);
    }

    @Test
    void countsAMissingOrUnreadableAttemptHeaderAsTheFirstAttempt() {
        String account = newAccount();
        var junk = notification(account, "1.10", PayResult.SUCCESS);
        var missing = notification(account, "2.20", PayResult.SUCCESS);

        send(GatewayPost.signed(NOTIFY_SECRET, junk.toJson()).attempt("third"));
        send(GatewayPost.signed(NOTIFY_SECRET, missing.toJson()).attempt(null));

        assertThat(recharge(junk.txNo())).containsEntry("settled_attempt", 1);
        assertThat(recharge(missing.txNo())).containsEntry("settled_attempt", 1);
        assertThat(balance(account)).isEqualByComparingTo("3.30");
    }

    private TestHttp.Response send(GatewayPost post) {
        return post.sendTo("http://127.0.0.1:" + port + "/notify/pay-result");
    }

    private static void assertNotVerified(TestHttp.Response answer, String reason) {
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.json().getString("detail")).isEqualTo("notification signature not verified: " + reason);
    }

    /** Nothing anywhere: no credit, no de_duplication row, no recharge, nothing parked. */
    private void assertNothingWritten(String txNo, String account) {
        assertThat(balance(account)).isEqualByComparingTo("0.00");
        assertThat(deduplicationRows(txNo)).isZero();
        assertThat(rechargeRows(txNo)).isZero();
        assertThat(parkedRows(txNo)).isZero();
        assertThat(outcomes.of(txNo)).isEmpty();
    }

    private static PayResultNotification notification(String accountNo, String amount, PayResult result) {
        return notification(newTxNo(), accountNo, amount, result);
    }

    private static PayResultNotification notification(String txNo, String accountNo, String amount,
                                                      PayResult result) {
        return new PayResultNotification(PayResultNotification.TYPE, "bank1", txNo, accountNo, new BigDecimal(amount),
                result, Instant.now());
    }

    private static String newTxNo() {
        return "notify-" + UUID.randomUUID();
    }

    private int rechargeRows(String txNo) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM account_recharge WHERE tx_no = ?", Integer.class, txNo);
    }

    private int parkedRows(String txNo) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM parked_notification WHERE tx_no = ?", Integer.class, txNo);
    }

    private String parkedReason(String txNo) {
        return jdbc.queryForObject("SELECT reason FROM parked_notification WHERE tx_no = ?", String.class, txNo);
    }
}

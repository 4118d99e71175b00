package org.besteffort.pay;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONObject;
import org.besteffort.common.PayResultSignature;
import org.besteffort.common.journal.JournalEntry;
import org.besteffort.local.infra.TestHttp;
import org.besteffort.local.infra.TestJournal;
import org.besteffort.pay.notifier.NotificationFaults;
import org.besteffort.pay.payment.PaymentCompleted;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

/**
 * pay-service over the real broker and database: what it records, what it announces, what it refuses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(PayServiceIT.RollbackOnPurpose.class)
class PayServiceIT extends PayServiceITSupport {

    /** Pays for this account fail inside their transaction, after the row was inserted. */
    static final String ROLLBACK_ACCOUNT = "rollback-me";

    /** A receiver registered for scheme 2, with two public notify URLs and two private ones. */
    static final String RECEIVER = "shop-1";
    static final String NOTIFY_URL = "https://203.0.113.10/notify";
    static final String OTHER_NOTIFY_URL = "https://203.0.113.11/notify";
    static final String LOOPBACK_NOTIFY_URL = "http://127.0.0.1:9/notify";
    static final String PRIVATE_NOTIFY_URL = "http://10.1.2.3/notify";

    @DynamicPropertySource
    static void receivers(DynamicPropertyRegistry registry) {
        registry.add("statement.settle-lag", () -> "200ms");
        // IP literals: the address rule looks none of them up. Private addresses stay refused (the default).
        registry.add("pay.receivers." + RECEIVER + ".notify-urls[0]", () -> NOTIFY_URL);
        registry.add("pay.receivers." + RECEIVER + ".notify-urls[1]", () -> OTHER_NOTIFY_URL);
        registry.add("pay.receivers." + RECEIVER + ".notify-urls[2]", () -> LOOPBACK_NOTIFY_URL);
        registry.add("pay.receivers." + RECEIVER + ".notify-urls[3]", () -> PRIVATE_NOTIFY_URL);
        registry.add("pay.receivers.shop-2.notify-urls[0]", () -> "https://198.51.100.20/notify");
    }

    @Test
    void recordsAPayAndAnnouncesItAfterCommit() {
        String txNo = newTxNo();

        var response = http().postJson("/paydo", """
                {"accountNo":"1","payAmount":100.10,"txNo":"%s"}""".formatted(txNo));

        assertThat(response.status()).isEqualTo(200);
        JSONObject pay = response.json();
        assertThat(pay.getString("txNo")).isEqualTo(txNo);
        assertThat(pay.getString("result")).isEqualTo("SUCCESS");
        assertThat(pay.getBigDecimal("payAmount")).isEqualByComparingTo("100.10");
        assertThat(rows(txNo)).isEqualTo(1);

        var announced = observer.awaitMessage(txNo);
        assertThat(announced.accountNo()).isEqualTo("1");
        assertThat(announced.amount()).hasToString("100.10");
        assertThat(announced.result().name()).isEqualTo("SUCCESS");
        assertThat(announced.paidAt()).isEqualTo(pay.getInstant("paidAt"));
        assertThat(announced.wantsHttpNotify()).isFalse();
        assertThat(pay.containsKey("receiverId")).isTrue();
        assertThat(pay.getString("receiverId")).isNull();
    }

    @Test
    void recordsAPayWithTheReceiverAndNotifyUrlItNamesAndAnnouncesThem() {
        String txNo = newTxNo();

        var response = http().postJson("/paydo", """
                {"accountNo":"1","payAmount":"7.00","txNo":"%s","receiverId":"%s","notifyUrl":"%s"}"""
                .formatted(txNo, RECEIVER, NOTIFY_URL));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().getString("receiverId")).isEqualTo(RECEIVER);
        assertThat(response.json().getString("notifyUrl")).isEqualTo(NOTIFY_URL);
        assertThat(jdbc.queryForMap("SELECT receiver_id, notify_url FROM account_pay WHERE tx_no = ?", txNo))
                .containsEntry("receiver_id", RECEIVER).containsEntry("notify_url", NOTIFY_URL);
        var payResult = http().get("/payresult/" + txNo).json();
        assertThat(payResult.getString("receiverId")).isEqualTo(RECEIVER);
        assertThat(payResult.getString("notifyUrl")).isEqualTo(NOTIFY_URL);

        var announced = observer.awaitMessage(txNo);
        assertThat(announced.receiverId()).isEqualTo(RECEIVER);
        assertThat(announced.notifyUrl()).isEqualTo(NOTIFY_URL);
        assertThat(announced.wantsHttpNotify()).isTrue();
    }

    @Test
    void acceptsTheNotifyTargetInTheCourseGetForm() {
        var response = http().get("/paydo?accountNo=2&payAmount=1&receiverId=%s&notifyUrl=%s"
                .formatted(RECEIVER, NOTIFY_URL));

        assertThat(response.status()).isEqualTo(200);
        String txNo = response.json().getString("txNo");
        assertThat(observer.awaitMessage(txNo).notifyUrl()).isEqualTo(NOTIFY_URL);
    }

    @Test
    void refusesAReceiverNobodyRegisteredAndWritesAndAnnouncesNothing() {
        String refused = newTxNo();
        long before = allRows();

        var response = http().postJson("/paydo", """
                {"accountNo":"1","payAmount":"5.00","txNo":"%s","receiverId":"shop-9","notifyUrl":"%s"}"""
                .formatted(refused, NOTIFY_URL));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().getJSONObject("errors").getString("receiverId"))
                .isEqualTo("is not a registered receiver");
        assertThat(allRows()).isEqualTo(before);
        assertNeverAnnounced(refused);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            registered by nobody            | https://203.0.113.99/notify
            registered by another receiver  | https://198.51.100.20/notify
            a registered one with a suffix  | https://203.0.113.10/notify/../admin
            """)
    void refusesANotifyUrlTheReceiverDidNotRegisterAndWritesNothing(String name, String notifyUrl) {
        String refused = newTxNo();
        long before = allRows();

        var response = http().postJson("/paydo", """
                {"accountNo":"1","payAmount":"5.00","txNo":"%s","receiverId":"%s","notifyUrl":"%s"}"""
                .formatted(refused, RECEIVER, notifyUrl));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().getJSONObject("errors").getString("notifyUrl"))
                .isEqualTo("is not a notify URL receiver " + RECEIVER + " registered");
        assertThat(allRows()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            loopback | http://127.0.0.1:9/notify | 127.0.0.1
            private  | http://10.1.2.3/notify    | 10.1.2.3
            """)
    void refusesARegisteredNotifyUrlOnAPrivateAddressAndWritesAndAnnouncesNothing(String name, String notifyUrl,
                                                                                  String address) {
        String refused = newTxNo();
        long before = allRows();

        var response = http().postJson("/paydo", """
                {"accountNo":"1","payAmount":"5.00","txNo":"%s","receiverId":"%s","notifyUrl":"%s"}"""
                .formatted(refused, RECEIVER, notifyUrl));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().getJSONObject("errors").getString("notifyUrl"))
                .isEqualTo("notify URL resolves to a private or loopback address (" + address + ")");
        assertThat(allRows()).isEqualTo(before);
        assertNeverAnnounced(refused);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            receiverId without notifyUrl | {"accountNo":"1","payAmount":"5.00","txNo":"%s","receiverId":"shop-1"}                                   | notifyUrl
            notifyUrl without receiverId | {"accountNo":"1","payAmount":"5.00","txNo":"%s","notifyUrl":"https://203.0.113.10/notify"}             | receiverId
            """)
    void refusesHalfANotifyTargetNamingTheMissingField(String name, String bodyTemplate, String missing) {
        long before = allRows();

        var response = http().postJson("/paydo", bodyTemplate.formatted(newTxNo()));
        var viaGet = http().get("/paydo?accountNo=1&payAmount=5&" + ("notifyUrl".equals(missing)
                ? "receiverId=" + RECEIVER : "notifyUrl=" + NOTIFY_URL));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().getJSONObject("errors").keySet()).containsExactly(missing);
        assertThat(viaGet.status()).isEqualTo(400);
        assertThat(viaGet.json().getJSONObject("errors").keySet()).containsExactly(missing);
        assertThat(allRows()).isEqualTo(before);
    }

    @Test
    void acceptsTheCourseGetFormAndGeneratesATxNo() {
        var response = http().get("/paydo?accountNo=2&payAmount=3.5");

        assertThat(response.status()).isEqualTo(200);
        String txNo = response.json().getString("txNo");
        assertThat(txNo).isNotBlank();
        assertThat(response.json().getBigDecimal("payAmount")).hasToString("3.50");
        assertThat(jdbc.queryForObject("SELECT pay_amount FROM account_pay WHERE tx_no = ?", BigDecimal.class, txNo))
                .isEqualByComparingTo("3.50");
        assertThat(observer.awaitMessage(txNo).amount()).isEqualByComparingTo("3.50");
    }

    @Test
    void answersARepeatedRequestWithTheRecordedPayAndAnnouncesItOnce() {
        String txNo = newTxNo();
        String body = """
                {"accountNo":"3","payAmount":"20.00","txNo":"%s"}""".formatted(txNo);

        var first = http().postJson("/paydo", body);
        var again = http().postJson("/paydo", body.replace("20.00", "20"));
        var viaGet = http().get("/paydo?accountNo=3&payAmount=20&txNo=" + txNo);

        assertThat(first.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        assertThat(viaGet.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(rows(txNo)).isEqualTo(1);
        assertAnnouncedOnce(txNo);
    }

    @Test
    void refusesATxNoReusedForAnotherPay() {
        String txNo = newTxNo();
        http().postJson("/paydo", """
                {"accountNo":"3","payAmount":"20.00","txNo":"%s"}""".formatted(txNo));

        var otherAmount = http().postJson("/paydo", """
                {"accountNo":"3","payAmount":"21.00","txNo":"%s"}""".formatted(txNo));
        var otherAccount = http().postJson("/paydo", """
                {"accountNo":"4","payAmount":"20.00","txNo":"%s"}""".formatted(txNo));

        assertThat(otherAmount.status()).isEqualTo(409);
        assertThat(otherAmount.isProblem()).isTrue();
        assertThat(otherAmount.json().getString("detail")).contains(txNo);
        assertThat(otherAccount.status()).isEqualTo(409);
        assertThat(jdbc.queryForObject("SELECT pay_amount FROM account_pay WHERE tx_no = ?", BigDecimal.class, txNo))
                .isEqualByComparingTo("20.00");
    }

    @Test
    void refusesATxNoReusedWithAnotherNotifyTarget() {
        String txNo = newTxNo();
        String body = """
                {"accountNo":"3","payAmount":"20.00","txNo":"%s","receiverId":"%s","notifyUrl":"%s"}""";
        var first = http().postJson("/paydo", body.formatted(txNo, RECEIVER, NOTIFY_URL));

        var again = http().postJson("/paydo", body.formatted(txNo, RECEIVER, NOTIFY_URL));
        var otherUrl = http().postJson("/paydo", body.formatted(txNo, RECEIVER, OTHER_NOTIFY_URL));
        var noTarget = http().postJson("/paydo", """
                {"accountNo":"3","payAmount":"20.00","txNo":"%s"}""".formatted(txNo));

        assertThat(first.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        assertThat(otherUrl.status()).isEqualTo(409);
        assertThat(otherUrl.isProblem()).isTrue();
        assertThat(otherUrl.json().getString("detail")).contains(txNo);
        assertThat(noTarget.status()).isEqualTo(409);
        assertThat(jdbc.queryForObject("SELECT notify_url FROM account_pay WHERE tx_no = ?", String.class, txNo))
                .isEqualTo(NOTIFY_URL);
        assertAnnouncedOnce(txNo);
    }

    @Test
    void recordsAndAnnouncesADeclinedPayAsFailed() {
        String txNo = newTxNo();

        var response = http().postJson("/paydo", """
                {"accountNo":"1","payAmount":"20000.00","txNo":"%s"}""".formatted(txNo));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().getString("result")).isEqualTo("FAIL");
        assertThat(http().get("/payresult/" + txNo).json().getString("result")).isEqualTo("FAIL");
        assertThat(observer.awaitMessage(txNo).result().name()).isEqualTo("FAIL");
    }

    @Test
    void answersPayresultForAKnownTxNoAnd404ForAnUnknownOne() {
        String txNo = newTxNo();
        http().postJson("/paydo", """
                {"accountNo":"5","payAmount":"1.01","txNo":"%s"}""".formatted(txNo));

        var known = http().get("/payresult/" + txNo);
        var unknown = http().get("/payresult/never-issued");

        assertThat(known.status()).isEqualTo(200);
        assertThat(known.json().getBigDecimal("payAmount")).isEqualByComparingTo("1.01");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.isProblem()).isTrue();
        assertThat(unknown.json().getString("detail")).contains("never-issued");
    }

    @Test
    void neverAnnouncesAPayWhoseTransactionRolledBack() {
        String rolledBack = newTxNo();
        String committed = newTxNo();

        var failed = http().postJson("/paydo", """
                {"accountNo":"%s","payAmount":"5.00","txNo":"%s"}""".formatted(ROLLBACK_ACCOUNT, rolledBack));
        http().postJson("/paydo", """
                {"accountNo":"1","payAmount":"5.00","txNo":"%s"}""".formatted(committed));

        assertThat(failed.status()).isEqualTo(500);
        assertThat(rows(rolledBack)).isZero();
        // The committed pay was sent after the rolled-back one would have been: once the broker's index shows it,
        // it would show the rolled-back one too.
        observer.awaitMessage(committed);
        assertThat(observer.countStoredOnBroker(committed)).isEqualTo(1);
        assertThat(observer.countStoredOnBroker(rolledBack)).isZero();
        assertThat(observer.countSent(rolledBack)).isZero();
        // Journaled only after commit: the committed pay is there, the rolled-back one never was.
        await().atMost(Duration.ofSeconds(10)).until(() -> journal().of(committed).size() == 2);
        assertThat(journal().of(rolledBack)).isEmpty();
    }

    @Test
    void journalsAPayAsRecordedThenAnnouncedAndEachQueryOfItsResult() {
        String txNo = newTxNo();
        String neverIssued = newTxNo();

        http().postJson("/paydo", """
                {"accountNo":"1","payAmount":"100.00","txNo":"%s","receiverId":"%s","notifyUrl":"%s"}"""
                .formatted(txNo, RECEIVER, NOTIFY_URL));
        var delivered = observer.awaitDelivery(txNo);
        http().get("/payresult/" + txNo);
        http().get("/payresult/" + neverIssued);

        await().atMost(Duration.ofSeconds(10)).until(() -> journal().of(txNo).size() == 3);
        List<JournalEntry> entries = journal().of(txNo);
        assertThat(entries).extracting(JournalEntry::step, JournalEntry::outcome, JournalEntry::attempt)
                .containsExactly(tuple("RECORDED", "SUCCESS", null), tuple("ANNOUNCED", "SENT", 1),
                        tuple("QUERIED", "FOUND", null));
        assertThat(entries).extracting(JournalEntry::seq).isSorted();
        JournalEntry recorded = entries.get(0);
        assertThat(recorded.accountNo()).isEqualTo("1");
        assertThat(recorded.amount()).hasToString("100.00");
        assertThat(recorded.detail()).contains(RECEIVER, NOTIFY_URL);
        assertThat(entries.get(1).detail()).isEqualTo(delivered.getMsgId());
        assertThat(journal().of(neverIssued)).extracting(JournalEntry::step, JournalEntry::outcome)
                .containsExactly(tuple("QUERIED", "UNKNOWN"));
    }

    @Test
    void servesItsJournalWithoutTheLocalProfileAndRefusesABadLimit() {
        var page = operatorHttp().get("/ops/journal?after=0&limit=1");
        var tooMany = operatorHttp().get("/ops/journal?limit=1001");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().getString("service")).isEqualTo("pay-service");
        assertThat(page.json().getString("instance")).isNotBlank();
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.isProblem()).isTrue();
        assertThat(tooMany.json().getJSONObject("errors").getString("limit"))
                .isEqualTo("must be less than or equal to 1000");
    }

    @Test
    void signsEachNotificationOverItsExactBody() {
        String txNo = newTxNo();
        http().postJson("/paydo", """
                {"accountNo":"2","payAmount":"9.10","txNo":"%s"}""".formatted(txNo));

        var delivered = observer.awaitDelivery(txNo);

        assertThat(delivered.getUserProperty(PayResultSignature.KEY_ID_PROPERTY)).isEqualTo("k1");
        assertThat(PayResultSignature.verify(delivered.getBody(),
                delivered.getUserProperty(PayResultSignature.SIGNATURE_PROPERTY), SIGNING_SECRET)).isTrue();
    }

    @Test
    void reportsTheDatabaseAndTheBrokerInItsHealth() {
        var health = operatorHttp().get("/actuator/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().getJSONObject("components").getJSONObject("db").getString("status")).isEqualTo("UP");
        assertThat(health.json().getJSONObject("components").getJSONObject("rocketmq").getString("status"))
                .isEqualTo("UP");
    }

    @Test
    void countsTheNotificationsItSent() {
        http().postJson("/paydo", """
                {"accountNo":"2","payAmount":"1.00","txNo":"%s"}""".formatted(newTxNo()));

        var metric = operatorHttp().get("/actuator/metrics/notify.notifications?tag=outcome:sent");

        assertThat(metric.status()).isEqualTo(200);
        assertThat(metric.json().getJSONArray("measurements").getJSONObject(0).getDoubleValue("value"))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void hasNoFaultSwitchesOutsideTheLocalProfile(@Autowired ApplicationContext context) {
        assertThat(operatorHttp().get("/ops/faults").status()).isEqualTo(404);
        assertThat(operatorHttp().postJson("/ops/faults", "{\"dropNextNotifications\":1}").status()).isEqualTo(404);
        assertThat(context.getBeansOfType(NotificationFaults.class)).isEmpty();
    }

    @Test
    void pagesTheStatementByAStableCursor() {
        String first = newTxNo();
        String second = newTxNo();
        http().postJson("/paydo", """
                {"accountNo":"1","payAmount":"1.00","txNo":"%s"}""".formatted(first));
        http().postJson("/paydo", """
                {"accountNo":"1","payAmount":"2.00","txNo":"%s"}""".formatted(second));

        List<String> listed = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            listed.clear();
            String cursor = "";
            for (int page = 0; page < 1000; page++) {
                var statement = http().get("/statements?limit=3&after=" + cursor).json();
                var pays = statement.getJSONArray("pays");
                pays.forEach(pay -> listed.add(((JSONObject) pay).getString("txNo")));
                cursor = statement.getString("next");
                if (pays.size() < 3) {
                    break;
                }
            }
            return listed.contains(second);
        });

        assertThat(listed).doesNotHaveDuplicates().contains(first);
        assertThat(listed.indexOf(first)).isLessThan(listed.indexOf(second));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            negative amount          | {"accountNo":"1","payAmount":-5,"txNo":"%s"}        | payAmount
            zero amount              | {"accountNo":"1","payAmount":0,"txNo":"%s"}         | payAmount
            three decimals           | {"accountNo":"1","payAmount":1.005,"txNo":"%s"}     | payAmount
            above the maximum        | {"accountNo":"1","payAmount":1000000.01,"txNo":"%s"} | payAmount
            missing amount           | {"accountNo":"1","txNo":"%s"}                       | payAmount
            missing account          | {"payAmount":10,"txNo":"%s"}                        | accountNo
            malformed account        | {"accountNo":"1; DROP TABLE","payAmount":10,"txNo":"%s"} | accountNo
            malformed txNo           | {"accountNo":"1","payAmount":10,"txNo":"%s white space"} | txNo
            """)
    void refusesBadInputWithAProblemAndWritesNothing(String name, String bodyTemplate, String field) {
        String txNo = newTxNo();
        long before = allRows();

        var response = http().postJson("/paydo", bodyTemplate.formatted(txNo));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().getJSONObject("errors").keySet()).contains(field);
        assertThat(allRows()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not JSON at all       | payAmount=10
            truncated JSON        | {"accountNo":"1","payAmount":
            amount not a number   | {"accountNo":"1","payAmount":"ten"}
            """)
    void refusesMalformedJsonWithAProblemAndWritesNothing(String name, String body) {
        long before = allRows();

        var response = http().postJson("/paydo", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(allRows()).isEqualTo(before);
    }

    @Test
    void refusesBadQueryParametersOfTheGetForm() {
        long before = allRows();

        var notANumber = http().get("/paydo?accountNo=1&payAmount=ten");
        var negative = http().get("/paydo?accountNo=1&payAmount=-1");
        var noAccount = http().get("/paydo?payAmount=1");

        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.json().getJSONObject("errors").keySet()).contains("payAmount");
        assertThat(negative.status()).isEqualTo(400);
        assertThat(noAccount.status()).isEqualTo(400);
        assertThat(noAccount.isProblem()).isTrue();
        assertThat(allRows()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {70_000, 6_000_000})
    void refusesABodyAboveTheLimitWith413AndWritesNothing(int size) {
        String txNo = newTxNo();
        long before = allRows();
        // A valid pay, padded with an unknown field: only its size is wrong.
        String body = """
                {"accountNo":"1","payAmount":"1.00","txNo":"%s","padding":"%s"}""".formatted(txNo, "x".repeat(size));

        var declared = http().postJson("/paydo", body);
        var chunked = http().postJsonChunked("/paydo", body);

        for (var response : List.of(declared, chunked)) {
            assertThat(response.status()).isEqualTo(413);
            assertThat(response.isProblem()).isTrue();
            assertThat(response.json().getString("detail")).contains("at most 65536 bytes");
        }
        assertThat(allRows()).isEqualTo(before);
    }

    @Test
    void takesABodyJustUnderTheLimit() {
        String txNo = newTxNo();
        String body = """
                {"accountNo":"1","payAmount":"1.00","txNo":"%s","padding":"%s"}""".formatted(txNo, "x".repeat(65_000));

        var chunked = http().postJsonChunked("/paydo", body);

        assertThat(chunked.status()).isEqualTo(200);
        assertThat(chunked.json().getString("txNo")).isEqualTo(txNo);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a misspelt cursor parameter | /statements?cursor=garbage  | unknown parameter cursor
            a cursor that is not one    | /statements?after=garbage   | not a statement cursor
            a limit out of range        | /statements?limit=0         | limit must be between
            """)
    void refusesABadStatementQueryWith400(String name, String path, String detail) {
        var response = http().get(path);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().getString("detail")).contains(detail);
    }

    @Test
    void answersAPathTomcatRefusesWithAProblemNotAnHtmlPage() {
        var response = http().get("/%2e%2e%2f");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().getIntValue("status")).isEqualTo(400);
        assertThat(response.body()).doesNotContain("<html", "Tomcat");
    }

    /** A pay committed after the refused ones is announced; once the broker's index shows it, it would show them. */
    private void assertNeverAnnounced(String refused) {
        assertAnnounced(refused, 0);
    }

    /**
     * Announced exactly once, not only "at least once so far": a pay committed after the repeated requests is awaited
     * on the broker first, and a second copy of this one, sent before it, would be stored by then too.
     */
    private void assertAnnouncedOnce(String txNo) {
        observer.awaitMessage(txNo);
        assertAnnounced(txNo, 1);
    }

    private void assertAnnounced(String txNo, int times) {
        String later = newTxNo();
        http().postJson("/paydo", """
                {"accountNo":"1","payAmount":"0.01","txNo":"%s"}""".formatted(later));
        observer.awaitMessage(later);
        assertThat(observer.countStoredOnBroker(later)).isEqualTo(1);
        assertThat(observer.countStoredOnBroker(txNo)).isEqualTo(times);
        assertThat(observer.countSent(txNo)).isEqualTo(times);
    }


    /**
     * pay-service as receiver shop-1 calls it: the pays that name shop-1 to notify must be its own (its key is in test
     * application.properties).
     */
    @Override
    protected TestHttp http() {
        return anonymous().withBearer("it-shop-1-key");
    }

    private TestJournal journal() {
        return new TestJournal(operatorHttp());
    }

    private int rows(String txNo) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM account_pay WHERE tx_no = ?", Integer.class, txNo);
    }

    private long allRows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM account_pay", Long.class);
    }

    private static String newTxNo() {
        return "it-" + UUID.randomUUID();
    }

    /**
     * Makes pays of {@link #ROLLBACK_ACCOUNT} roll back as late as a transaction can: at its commit, after every other
     * listener of the transaction has run (BEFORE_COMMIT, lowest precedence). A notifier that sent before the commit,
     * at the event or at BEFORE_COMMIT, would have announced the pay by then.
     */
    @TestConfiguration
    static class RollbackOnPurpose {

        @Order(Ordered.LOWEST_PRECEDENCE)
        @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
        void failInsideTheTransaction(PaymentCompleted completed) {
            if (ROLLBACK_ACCOUNT.equals(completed.payment().accountNo())) {
                throw new IllegalStateException("pay of " + completed.payment().txNo() + " fails on purpose");
            }
        }
    }
}

package org.besteffort.pay;

import org.besteffort.common.journal.JournalEntry;
import org.besteffort.local.infra.TestJournal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

/**
 * pay-service under the local profile: what each of the notifier's fault switches does, as the topic and the journal
 * show it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class NotifierFaultsIT extends PayServiceITSupport {

    @AfterEach
    void switchEverythingOff() {
        switchOn("""
                {"dropNextNotifications":0,"duplicateFraction":0,"payresultUnavailableFor":"PT0S"}""");
    }

    @Test
    void losesTheNextNotificationAndJournalsItAsDropped() {
        String lost = newTxNo();
        String marker = newTxNo();
        switchOn("{\"dropNextNotifications\":1}");

        pay(lost, "12.34");
        pay(marker, "0.01");

        // The marker was announced after the lost pay would have been.
        observer.awaitMessage(marker);
        assertThat(observer.countStoredOnBroker(lost)).isZero();
        List<JournalEntry> entries = journal().of(lost);
        assertThat(entries).extracting(JournalEntry::step, JournalEntry::outcome)
                .containsExactly(tuple("RECORDED", "SUCCESS"), tuple("DROPPED", "DROPPED"));
        assertThat(entries.get(0).amount()).hasToString("12.34");
        assertThat(entries.get(1).detail()).contains("fault switch");
    }

    @Test
    void sendsANotificationTwiceAndJournalsTheSecondCopyAsAgain() {
        String twice = newTxNo();
        switchOn("{\"duplicateFraction\":1}");

        pay(twice, "5.00");

        await().atMost(Duration.ofSeconds(30)).until(() -> observer.countSent(twice) == 2);
        assertThat(journal().of(twice)).extracting(JournalEntry::step, JournalEntry::attempt, JournalEntry::outcome)
                .containsExactly(tuple("RECORDED", null, "SUCCESS"), tuple("ANNOUNCED", 1, "SENT"),
                        tuple("ANNOUNCED", 2, "SENT"));
        assertThat(journal().of(twice).get(2).detail()).endsWith("again (fault switch)");
    }

    @Test
    void answersPayresult503WhileSwitchedOffAndJournalsTheQueryAsUnavailable() {
        String txNo = newTxNo();
        pay(txNo, "1.00");
        switchOn("{\"payresultUnavailableFor\":\"PT1M\"}");

        var unavailable = http().get("/payresult/" + txNo);

        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(journal().of(txNo)).extracting(JournalEntry::step, JournalEntry::outcome)
                .endsWith(tuple("QUERIED", "UNAVAILABLE"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"PT10M0.001S", "PT24H", "-PT1S"})
    void refusesAnOutageLongerThanTenMinutesOrNegativeAndChangesNothing(String outage) {
        var refused = operatorHttp().postJson("/ops/faults",
                "{\"dropNextNotifications\":3,\"payresultUnavailableFor\":\"%s\"}".formatted(outage));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.json().getString("detail")).contains("between 0s and PT10M");
        var state = operatorHttp().get("/ops/faults").json();
        assertThat(state.getIntValue("dropNextNotifications")).isZero();
        assertThat(http().get("/payresult/none-" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    private void switchOn(String change) {
        assertThat(operatorHttp().postJson("/ops/faults", change).status()).isEqualTo(200);
    }

    private void pay(String txNo, String amount) {
        var response = http().postJson("/paydo", """
                {"accountNo":"1","payAmount":"%s","txNo":"%s"}""".formatted(amount, txNo));
        assertThat(response.status()).isEqualTo(200);
    }


    private TestJournal journal() {
        return new TestJournal(operatorHttp());
    }

    private static String newTxNo() {
        return "it-" + UUID.randomUUID();
    }
}

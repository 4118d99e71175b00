package org.besteffort.console.timeline;

import org.besteffort.console.ConsoleProperties;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PayTimelinesTests {

    private static final Instant T0 = Instant.parse("2026-12-01T01:00:00Z");

    private final PayTimelines timelines = new PayTimelines(properties(3));

    @Test
    void mergesTheServicesJournalsIntoOneTimelineInTheOrderThingsHappened() {
        timelines.accept("account-service", List.of(entry(1, 40, "tx-1", "DELIVERED", 1, "CREDITED")));
        timelines.accept("pay-service", List.of(recorded(1, 0, "tx-1"), entry(2, 5, "tx-1", "ANNOUNCED", null, "SENT")));
        timelines.accept("notify-gateway", List.of(entry(1, 20, "tx-1", "TASK_KEPT", null, null),
                entry(2, 60, "tx-1", "ATTEMPT", 1, "ACKED")));
        timelines.accept("account-service", List.of(entry(2, 61, "tx-1", "NOTIFIED", 1, "ALREADY_APPLIED")));

        TimelineView view = timelines.find("tx-1").orElseThrow();

        assertThat(view.steps()).extracting(TimelineStep::step)
                .containsExactly("RECORDED", "ANNOUNCED", "TASK_KEPT", "DELIVERED", "ATTEMPT", "NOTIFIED");
        assertThat(view.status()).isEqualTo("credited");
        assertThat(view.settledBy()).isEqualTo("settled by message");
        assertThat(view.accountNo()).isEqualTo("1");
        assertThat(view.amount()).isEqualByComparingTo("100.00");
        assertThat(view.steps()).filteredOn(TimelineStep::alreadyApplied).extracting(TimelineStep::label)
                .containsExactly("HTTP notify received #1: already applied, nothing changed");
    }

    @Test
    void namesTheReconciliationWhenItCreditedAPayWhoseMessageWasDropped() {
        timelines.accept("pay-service", List.of(recorded(1, 0, "tx-2"), entry(2, 1, "tx-2", "DROPPED", null,
                "DROPPED")));
        timelines.accept("account-service", List.of(entry(1, 20_000, "tx-2", "STATEMENT", null, "CREDITED")));

        TimelineView view = timelines.find("tx-2").orElseThrow();

        assertThat(view.settledBy()).isEqualTo("settled by reconciliation (statement)");
        assertThat(view.steps()).extracting(TimelineStep::label).containsExactly(
                "recorded at the notifier: SUCCESS", "announcement dropped by a fault switch",
                "found in the notifier's statement: credited");
    }

    @Test
    void isInFlightUntilAPathCreditsItAndTellsAFailedPayApart() {
        timelines.accept("pay-service", List.of(recorded(1, 0, "tx-3")));
        timelines.accept("account-service", List.of(entry(1, 5, "tx-3", "DELIVERED", 1, "FAILED")));
        assertThat(timelines.find("tx-3").orElseThrow().status()).isEqualTo("in flight");

        timelines.accept("account-service", List.of(entry(2, 6, "tx-4", "DELIVERED", 1, "PAY_FAILED")));
        assertThat(timelines.find("tx-4").orElseThrow().status()).isEqualTo("pay failed");
    }

    @Test
    void forgetsTheOldestPayBeyondWhatItKeepsAndListsTheNewestFirst() {
        for (int i = 1; i <= 4; i++) {
            timelines.accept("pay-service", List.of(recorded(i, i, "tx-" + i)));
        }

        assertThat(timelines.find("tx-1")).isEmpty();
        assertThat(timelines.newest(10)).extracting(TimelineView::txNo).containsExactly("tx-4", "tx-3", "tx-2");
        assertThat(timelines.newest(2)).extracting(TimelineView::txNo).containsExactly("tx-4", "tx-3");
    }

    @Test
    void doesNotStartATimelineForALateStepOfAPayItForgot() {
        for (int i = 1; i <= 4; i++) {
            timelines.accept("pay-service", List.of(recorded(i, i, "tx-" + i)));
        }

        var changed = timelines.accept("account-service", List.of(entry(9, 30_000, "tx-1", "DELIVERED", 2,
                "ALREADY_APPLIED")));

        assertThat(changed).isEmpty();
        assertThat(timelines.find("tx-1")).isEmpty();
        assertThat(timelines.newest(10)).extracting(TimelineView::txNo).containsExactly("tx-4", "tx-3", "tx-2");
    }

    @Test
    void reportsOnlyTheChangedPaysAmongThoseShownAndIgnoresEntriesAboutNoPay() {
        timelines.accept("pay-service", List.of(recorded(1, 0, "tx-a"), recorded(2, 1, "tx-b")));
        var changed = timelines.accept("notify-gateway", List.of(entry(1, 2, "tx-a", "ATTEMPT", 1, "ACKED"),
                entry(2, 3, null, "ENDPOINT_DISABLED", null, null)));

        assertThat(changed).containsExactly("tx-a");
        assertThat(timelines.changedAmongNewest(changed, 1)).isEmpty();
        assertThat(timelines.changedAmongNewest(changed, 2)).extracting(TimelineView::txNo).containsExactly("tx-a");
    }

    private static JournalEntryView recorded(long seq, long atMillis, String txNo) {
        return new JournalEntryView(seq, T0.plusMillis(atMillis), txNo, "RECORDED", null, "SUCCESS", "1",
                new BigDecimal("100.00"), "account 1, 100.00");
    }

    private static JournalEntryView entry(long seq, long atMillis, String txNo, String step, Integer attempt,
                                          String outcome) {
        return new JournalEntryView(seq, T0.plusMillis(atMillis), txNo, step, attempt, outcome, null, null, null);
    }

    static ConsoleProperties properties(int kept) {
        return new ConsoleProperties(URI.create("http://127.0.0.1:1"), URI.create("http://127.0.0.1:2"), List.of(),
                URI.create("http://127.0.0.1:3"), "http://127.0.0.1:2/notify/pay-result", "",
                Duration.ofMillis(500), Duration.ofSeconds(2), kept, 30, false,
                new ConsoleProperties.Links(null, null, null, null));
    }
}

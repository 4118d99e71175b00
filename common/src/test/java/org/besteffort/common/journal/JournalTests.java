package org.besteffort.common.journal;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JournalTests {

    private static final Instant NOW = Instant.parse("2026-11-21T08:15:30.123Z");

    private final Journal journal = new Journal("pay-service", 5, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void numbersEntriesFromOneAndReturnsThemOldestFirst() {
        journal.append("tx-1", JournalStep.RECORDED, null, "SUCCESS", "1", new BigDecimal("100.10"), "no notify URL");
        journal.append("tx-1", JournalStep.ANNOUNCED, 1, "SENT", null, null, "msg-1");

        JournalPage page = journal.page(0, 10);

        assertThat(page.service()).isEqualTo("pay-service");
        assertThat(page.capacity()).isEqualTo(5);
        assertThat(page.oldestSeq()).isEqualTo(1);
        assertThat(page.lastSeq()).isEqualTo(2);
        assertThat(page.entries()).containsExactly(
                new JournalEntry(1, NOW, "tx-1", "RECORDED", null, "SUCCESS", "1", new BigDecimal("100.10"),
                        "no notify URL"),
                new JournalEntry(2, NOW, "tx-1", "ANNOUNCED", 1, "SENT", null, null, "msg-1"));
    }

    @Test
    void answersAnEmptyPageBeforeTheFirstEntryWithTheNextSeqAsOldest() {
        JournalPage page = journal.page(0, 10);

        assertThat(page.entries()).isEmpty();
        assertThat(page.lastSeq()).isZero();
        assertThat(page.oldestSeq()).isEqualTo(1);
    }

    @Test
    void returnsOnlyEntriesAfterTheGivenSeqAndAtMostTheLimit() {
        appendSteps(4);

        assertThat(seqs(journal.page(1, 2))).containsExactly(2L, 3L);
        assertThat(seqs(journal.page(3, 10))).containsExactly(4L);
        assertThat(seqs(journal.page(4, 10))).isEmpty();
    }

    @Test
    void keepsOnlyTheNewestEntriesUpToItsCapacity() {
        appendSteps(12);

        JournalPage page = journal.page(0, 100);

        assertThat(seqs(page)).containsExactly(8L, 9L, 10L, 11L, 12L);
        assertThat(page.oldestSeq()).isEqualTo(8);
        assertThat(page.lastSeq()).isEqualTo(12);
        assertThat(page.entries()).extracting(JournalEntry::txNo)
                .containsExactly("tx-8", "tx-9", "tx-10", "tx-11", "tx-12");
    }

    @Test
    void letsAReaderThatFellBehindSeeWhatItMissed() {
        appendSteps(3);
        long readUpTo = journal.page(0, 100).lastSeq();
        appendSteps(9);

        JournalPage page = journal.page(readUpTo, 100);

        // Seqs 4 to 7 were overwritten before the reader came back.
        assertThat(readUpTo + 1).isLessThan(page.oldestSeq());
        assertThat(seqs(page)).containsExactly(8L, 9L, 10L, 11L, 12L);
    }

    @Test
    void pagesAcrossTheWrapAroundOfTheRing() {
        appendSteps(7);

        assertThat(seqs(journal.page(2, 2))).containsExactly(3L, 4L);
        assertThat(seqs(journal.page(4, 2))).containsExactly(5L, 6L);
        assertThat(seqs(journal.page(6, 2))).containsExactly(7L);
    }

    @Test
    void answersNothingToAReaderAheadOfItAsAfterARestart() {
        appendSteps(3);

        assertThat(journal.page(1_000, 10).entries()).isEmpty();
        assertThat(journal.page(Long.MAX_VALUE, 10).entries()).isEmpty();
    }

    @Test
    void namesItsInstanceOncePerJournal() {
        var other = new Journal("pay-service", 5);

        assertThat(journal.page(0, 1).instance()).isEqualTo(journal.page(0, 1).instance()).isNotBlank()
                .isNotEqualTo(other.page(0, 1).instance());
    }

    @Test
    void refusesANegativeAfterAZeroLimitAndAZeroCapacity() {
        assertThatThrownBy(() -> journal.page(-1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> journal.page(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Journal("pay-service", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writesAmountsWithAtLeastTwoDecimals() {
        journal.append("tx-1", JournalStep.RECORDED, null, "SUCCESS", "1", new BigDecimal("1E+2"), null);
        journal.append("tx-2", JournalStep.RECORDED, null, "SUCCESS", "1", new BigDecimal("50.0"), null);
        journal.append("tx-3", JournalStep.RECORDED, null, "SUCCESS", "1", new BigDecimal("0.10"), null);

        assertThat(journal.page(0, 10).entries()).extracting(entry -> entry.amount().toString())
                .containsExactly("100.00", "50.00", "0.10");
    }

    @Test
    void cutsADetailLongerThanItsMaximum() {
        journal.append("tx-1", JournalStep.NOTIFIED, "REFUSED", "x".repeat(10_000));

        assertThat(journal.page(0, 1).entries().get(0).detail()).hasSize(Journal.MAX_DETAIL).endsWith("…");
    }

    @Test
    void stampsAStepWithTheTimeItHappenedWhenGivenOne() {
        Instant recordedAt = NOW.minusSeconds(1);

        journal.append(recordedAt, "tx-1", JournalStep.RECHARGE_STARTED, null, "PENDING", "1", BigDecimal.TEN, null);

        assertThat(journal.page(0, 1).entries().get(0).at()).isEqualTo(recordedAt);
    }

    @Test
    void refusesAnOutcomeItsStepDoesNotListWhereAssertionsAreOn() {
        assertThatThrownBy(() -> journal.append("tx-1", JournalStep.ANNOUNCED, "CREDITED", null))
                .isInstanceOf(AssertionError.class).hasMessageContaining("SENT");
    }

    @Test
    void givesConcurrentAppendsUniqueIncreasingSeqsInTheOrderTheyAreHeld() throws Exception {
        int threads = 4;
        int each = 5_000;
        var big = new Journal("account-service", threads * each);
        var start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Long>>> appended = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String thread = "t" + t;
                appended.add(pool.submit(() -> {
                    start.await();
                    List<Long> seqs = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        seqs.add(big.append(thread + "-" + i, JournalStep.DELIVERED, "CREDITED", null).seq());
                    }
                    return seqs;
                }));
            }
            start.countDown();
            for (Future<List<Long>> seqs : appended) {
                // Each thread sees its own appends numbered in the order it made them.
                assertThat(seqs.get()).isSorted();
            }
        } finally {
            pool.shutdownNow();
        }

        List<JournalEntry> all = new ArrayList<>();
        for (long after = 0; all.size() < threads * each; ) {
            JournalPage page = big.page(after, 1_000);
            all.addAll(page.entries());
            after = page.entries().get(page.entries().size() - 1).seq();
        }
        assertThat(all).extracting(JournalEntry::seq)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, threads * each).boxed().toList());
        assertThat(all).extracting(JournalEntry::txNo).doesNotHaveDuplicates();
    }

    private void appendSteps(int count) {
        long first = journal.page(0, 1).lastSeq() + 1;
        for (long seq = first; seq < first + count; seq++) {
            journal.append("tx-" + seq, JournalStep.DELIVERED, 1, "CREDITED", "1", BigDecimal.ONE, null);
        }
    }

    private static List<Long> seqs(JournalPage page) {
        return page.entries().stream().map(JournalEntry::seq).toList();
    }
}

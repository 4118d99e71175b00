package org.besteffort.account.reconciliation;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import feign.FeignException;
import feign.Request;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.besteffort.account.receiver.PayResultApplier;
import org.besteffort.account.recharge.Recharge;
import org.besteffort.account.recharge.RechargeMapper;
import org.besteffort.account.recharge.RechargeOrigin;
import org.besteffort.account.recharge.RechargeStatus;
import org.besteffort.common.journal.Journal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * The job's pacing while pay-service is unreachable, on a clock the test moves: rounds paused for doubling waits up to
 * the maximum, and one warning per outage however many rounds it lasts. (PayResultReconciliationIT shows the same
 * job settling for real once pay-service is back.)
 */
class PayResultReconciliationJobTests {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final MovingClock clock = new MovingClock();
    private final List<Duration> questionsAt = new ArrayList<>();
    private boolean payServiceUp;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    private PayResultReconciliationJob job;

    @BeforeEach
    void jobWithOneDueRecharge() {
        var properties = new ReconciliationProperties(Duration.ofSeconds(2), Duration.ofSeconds(5), 100,
                Duration.ofMinutes(30), Duration.ofSeconds(10), Duration.ofSeconds(30));
        Recharge due = new Recharge("tx-1", "1", new BigDecimal("1.00"), RechargeStatus.PENDING, null, null,
                RechargeOrigin.STARTED_HERE, 0, START, START, START);
        DueRecharges dueRecharges = new DueRecharges(null, properties) {
            @Override
            List<Recharge> claim(Instant now) {
                return List.of(due);
            }
        };
        job = new PayResultReconciliationJob(dueRecharges, mock(RechargeMapper.class), new AskedPayService(),
                mock(PayResultApplier.class), properties, new SimpleMeterRegistry(),
                new Journal("account-service", 100), clock);
        log.start();
        logger().addAppender(log);
    }

    @AfterEach
    void detachLog() {
        logger().detachAppender(log);
    }

    @Test
    void pausesItsRoundsForDoublingWaitsUpToTheMaximumWhilePayServiceIsUnreachable() {
        // A round every 100 ms of the test's clock for two minutes: the scheduler's fixed delay, much shortened.
        for (long millis = 0; millis <= 120_000; millis += 100) {
            clock.at(Duration.ofMillis(millis));
            job.reconcile();
        }

        // 2 s, 4 s, 8 s, 16 s, then the 30 s maximum between the questions.
        assertThat(questionsAt).containsExactly(seconds(0), seconds(2), seconds(6), seconds(14), seconds(30),
                seconds(60), seconds(90), seconds(120));
    }

    @Test
    void warnsOncePerOutageHoweverManyRoundsItLasts() {
        for (int round = 0; round < 6; round++) {
            clock.at(seconds(round * 60));
            job.reconcile();
        }
        payServiceUp = true;
        clock.at(seconds(400));
        job.reconcile();
        payServiceUp = false;
        for (int round = 0; round < 4; round++) {
            clock.at(seconds(500 + round * 60));
            job.reconcile();
        }

        assertThat(questionsAt).hasSize(11);
        assertThat(log.list).filteredOn(event -> event.getLevel() == Level.WARN)
                .extracting(ILoggingEvent::getFormattedMessage)
                .hasSize(2).allMatch(message -> message.startsWith("pay-service unreachable while reconciling pay tx-1"));
        assertThat(log.list).filteredOn(event -> event.getLevel() == Level.INFO)
                .extracting(ILoggingEvent::getFormattedMessage)
                .contains("pay-service answers again after 6 unreachable rounds");
    }

    private static Logger logger() {
        return (Logger) LoggerFactory.getLogger(PayResultReconciliationJob.class);
    }

    private static Duration seconds(long seconds) {
        return Duration.ofSeconds(seconds);
    }

    /** pay-service as the job sees it: unreachable, or answering that it has no such pay yet. */
    private final class AskedPayService implements PayServiceClient {

        @Override
        public PayResultView payResult(String txNo) {
            questionsAt.add(Duration.between(START, clock.instant()));
            if (!payServiceUp) {
                throw new IllegalStateException("Connection refused");
            }
            Request request = Request.create(Request.HttpMethod.GET, "/payresult/" + txNo, Map.of(), null,
                    StandardCharsets.UTF_8, null);
            throw new FeignException.NotFound("no such pay", request, null, Map.of());
        }

        @Override
        public PayResultView pay(PayOrder order) {
            throw new UnsupportedOperationException();
        }

        @Override
        public StatementPageView statement(String after, int limit) {
            throw new UnsupportedOperationException();
        }
    }

    private static final class MovingClock extends Clock {

        private Instant now = START;

        void at(Duration sinceStart) {
            now = START.plus(sinceStart);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}

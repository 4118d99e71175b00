package org.besteffort.drills.scenario;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class FaultSwitchValuesTests {

    private static final Instant NOW = Instant.parse("2026-11-21T06:30:00Z");

    @Test
    void namesOnlyTheSwitchesThatAreOn() {
        assertThat(new NotifierFaults(0, 0, 0, null).describe(NOW)).isEqualTo("all off");
        assertThat(new NotifierFaults(1, 0, 0.1, NOW.plusSeconds(15)).describe(NOW))
                .isEqualTo("dropNextNotifications=1, duplicateFraction=0.1, payresultUnavailableUntil="
                        + "2026-11-21T06:30:15Z");
        assertThat(new ReceiverFaults(0, 0, "PT0S", 0, 0).describe()).isEqualTo("all off");
        assertThat(new ReceiverFaults(2, 0.2, "PT0.2S", 0, 0).describe())
                .isEqualTo("failNextDeliveries=2, failFraction=0.2, slowDeliveriesBy=PT0.2S");
        assertThat(new ReceiverFaults(0, 0, "PT0S", 3, 0.5).describe())
                .isEqualTo("failNextNotifies=3, notifyFailFraction=0.5");
    }

    @Test
    void countsAnOutageThatHasEndedAsOff() {
        assertThat(new NotifierFaults(0, 0, 0, NOW.minusMillis(1)).allOff(NOW)).isTrue();
    }

    @Test
    void putsBackWhatItFoundIncludingTheRestOfAnOutage() {
        NotifierFaults found = new NotifierFaults(3, 0.25, 0.5, NOW.plusMillis(12_500));

        assertThat(NotifierFaults.Change.restoring(found, NOW))
                .isEqualTo(new NotifierFaults.Change(3, 0.25, 0.5, "PT12.5S"));
        assertThat(NotifierFaults.Change.restoring(new NotifierFaults(0, 0, 0, null), NOW))
                .isEqualTo(NotifierFaults.Change.OFF);
        assertThat(ReceiverFaults.Change.restoring(new ReceiverFaults(1, 0.1, "PT0.2S", 4, 0.3)))
                .isEqualTo(new ReceiverFaults.Change(1, 0.1, "PT0.2S", 4, 0.3));
    }

    @Test
    void turnsOnOnlyWhatTheScenarioNeedsOverEverythingOff() {
        assertThat(NotifierFaults.Change.OFF.withDropNextNotifications(1)
                .withPayresultUnavailableFor(Duration.ofSeconds(15)))
                .isEqualTo(new NotifierFaults.Change(1, 0.0, 0.0, "PT15S"));
        assertThat(ReceiverFaults.Change.OFF.withFailNextDeliveries(2))
                .isEqualTo(new ReceiverFaults.Change(2, 0.0, "PT0S", 0, 0.0));
        assertThat(ReceiverFaults.Change.OFF.withFailFraction(1.0).withFailNextNotifies(3))
                .isEqualTo(new ReceiverFaults.Change(0, 1.0, "PT0S", 3, 0.0));
    }

    @Test
    void tellsWhetherTheNotifierDroppedTheLastPaysMessage() {
        assertThat(new NotifierFaults(0, 0, 0, null).dropOfLastPay()).startsWith("pay-service dropped");
        assertThat(new NotifierFaults(1, 0, 0, null).dropOfLastPay()).startsWith("pay-service has not used");
    }
}

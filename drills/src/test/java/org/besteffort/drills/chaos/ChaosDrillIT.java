package org.besteffort.drills.chaos;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chaos drill, small: a few hundred pays with the default faults, the receiver and the notify gateway killed, short
 * broker delays.
 */
class ChaosDrillIT {

    @Test
    void creditsEverySuccessfulPayExactlyOnceUnderFaultsAndTwoCrashes() throws Exception {
        // The first redelivery of a failed message after 3 s (the broker's default is 10 s): long enough for the
        // notify over HTTP to come first, as it does at the default; the later ones after 1 s.
        var options = new DrillOptions(300, 6, 0.3, 0.2, 0.1, 0.2, 0.2, true, true, "1s 1s 3s 1s 1s 1s 1s 1s 1s 1s",
                Duration.ofMinutes(3));

        DrillReport report = ChaosDrill.run(options, Path.of("target", "chaos-it").toAbsolutePath());
        report.print(System.out);

        assertThat(report.violations()).isEmpty();
        assertThat(report.converged()).isTrue();
        assertThat(report.pays().get("SUCCESS")).isPositive();
        assertThat(report.pays().get("FAIL")).isPositive();
        int settled = report.settlingPaths().values().stream().mapToInt(Integer::intValue).sum();
        assertThat(settled).isEqualTo(report.pays().get("SUCCESS"));
        assertThat(report.settlingPaths().get("message, first delivery")).isPositive();
        // Scheme 2 took part: refused notifies were tried again, and every task the gateway kept was acknowledged
        // although it was killed on the way.
        assertThat(report.gatewayRestartTook()).isNotNull();
        assertThat(report.gateway().tasks()).containsOnlyKeys("SUCCEEDED");
        assertThat(report.gateway().attempts()).containsKeys("ACKED", "THROTTLED");
        assertThat(report.gateway().acknowledged()).containsKey("a later attempt");
    }
}

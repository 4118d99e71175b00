package org.besteffort.drills.chaos;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chaos drill, small: a few hundred pays with the default faults and a killed receiver, short broker delays.
 */
class ChaosDrillIT {

    @Test
    void creditsEverySuccessfulPayExactlyOnceUnderFaultsAndACrash() throws Exception {
        var options = new DrillOptions(300, 6, 0.3, 0.2, 0.1, 0.2, true, "1s 1s 1s 1s 1s 1s 1s 1s 1s 1s",
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
    }
}

package org.besteffort.drills.chaos;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class DrillOptionsTests {

    @Test
    void defaultsToTheIssuesDrill() {
        var options = DrillOptions.parse();

        assertThat(options.pays()).isEqualTo(10_000);
        assertThat(options.dropFraction()).isEqualTo(0.3);
        assertThat(options.failFraction()).isEqualTo(0.2);
        assertThat(options.duplicateFraction()).isEqualTo(0.1);
        assertThat(options.notifyFailFraction()).isEqualTo(0.2);
        assertThat(options.killReceiver()).isTrue();
        assertThat(options.killGateway()).isTrue();
    }

    @Test
    void takesEachOptionFromTheCommandLine() {
        var options = DrillOptions.parse("--pays=500", "--clients=4", "--drop=0.5", "--kill=false",
                "--timeout=PT2M", "--delay-levels=1s 1s", "--notify-fail=0.4", "--kill-gateway=false");

        assertThat(options.pays()).isEqualTo(500);
        assertThat(options.clients()).isEqualTo(4);
        assertThat(options.dropFraction()).isEqualTo(0.5);
        assertThat(options.killReceiver()).isFalse();
        assertThat(options.notifyFailFraction()).isEqualTo(0.4);
        assertThat(options.killGateway()).isFalse();
        assertThat(options.timeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(options.delayLevels()).isEqualTo("1s 1s");
    }
}

package org.besteffort.drills.benchmark;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotifyBenchmarkOptionsTests {

    @Test
    void defaultsToTheDocumentedRun() {
        var options = NotifyBenchmarkOptions.parse();

        assertThat(options.backlog()).isEqualTo(100_000);
        assertThat(options.rate()).isEqualTo(100);
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.gatewayDefaultPerEndpoint()).isTrue();
        assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void takesEachOptionFromTheCommandLine() {
        var options = NotifyBenchmarkOptions.parse("--backlog=20000", "--rate=50", "--duration=PT1M",
                "--per-endpoint=16", "--warmup=PT0S");

        assertThat(options.backlog()).isEqualTo(20_000);
        assertThat(options.rate()).isEqualTo(50);
        assertThat(options.duration()).isEqualTo(Duration.ofMinutes(1));
        assertThat(options.perEndpoint()).isEqualTo(16);
        assertThat(options.gatewayDefaultPerEndpoint()).isFalse();
        assertThat(options.warmup()).isZero();
    }

    @Test
    void leavesThePerEndpointLimitToTheGatewayWhenMavenPassesItEmpty() {
        assertThat(NotifyBenchmarkOptions.parse("--per-endpoint=").gatewayDefaultPerEndpoint()).isTrue();
    }

    @Test
    void refusesAnEmptyBacklog() {
        assertThatThrownBy(() -> NotifyBenchmarkOptions.parse("--backlog=0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("notify.backlog");
    }
}

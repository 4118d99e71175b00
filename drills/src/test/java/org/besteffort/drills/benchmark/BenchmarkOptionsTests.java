package org.besteffort.drills.benchmark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchmarkOptionsTests {

    @Test
    void defaultsToTheDocumentedRunOnAStackOfItsOwn() {
        var options = BenchmarkOptions.parse();

        assertThat(options.rate()).isEqualTo(100);
        assertThat(options.clients()).isEqualTo(16);
        assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.running()).isFalse();
        assertThat(options.profile()).isFalse();
    }

    @Test
    void takesEachOptionFromTheCommandLine() {
        var options = BenchmarkOptions.parse("--rate=50", "--clients=8", "--warmup=PT5S", "--duration=PT1M",
                "--stack=running", "--profile=true");

        assertThat(options.rate()).isEqualTo(50);
        assertThat(options.clients()).isEqualTo(8);
        assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.duration()).isEqualTo(Duration.ofMinutes(1));
        assertThat(options.profile()).isTrue();
        assertThat(options.running()).isTrue();
    }

    @Test
    void refusesAStackItDoesNotKnow() {
        assertThatThrownBy(() -> BenchmarkOptions.parse("--stack=docker"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("own (the default) or running");
    }

    @Test
    void saysHowToStartTheLocalStackWhenNoneIsRunning(@TempDir Path cloneWithoutAStack) {
        assertThatThrownBy(() -> StackUnderTest.running(cloneWithoutAStack))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("./mvnw -Plocal package");
    }
}

package org.besteffort.drills.consistency;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SendModeOptionsTests {

    @Test
    void runsEveryModeThreeCrashesPerPointAndACleanLoadByDefault() {
        SendModeOptions options = SendModeOptions.parse("--modes=", "--crashes=");

        assertThat(options).isEqualTo(new SendModeOptions(SendModeOptions.ALL_MODES, 3, 200, true, 100, 16,
                Duration.ofSeconds(5), Duration.ofSeconds(20)));
    }

    @Test
    void readsEachSettingAndRefusesWhatItDoesNotKnow() {
        SendModeOptions options = SendModeOptions.parse("--modes=outbox, transactional", "--crashes=0", "--pays=10",
                "--throughput=false", "--duration=PT5S");

        assertThat(options.modes()).containsExactly("outbox", "transactional");
        assertThat(options.crashes()).isZero();
        assertThat(options.throughput()).isFalse();
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(5));
        assertThatThrownBy(() -> SendModeOptions.parse("--modes=two-phase")).hasMessageContaining("after-commit");
        assertThatThrownBy(() -> SendModeOptions.parse("--crash=1")).hasMessageContaining("--crashes=");
    }

    @Test
    void namesTheCrashPointsEachModePasses() {
        assertThat(SendModeOptions.crashPoints("after-commit")).containsExactly("AFTER_COMMIT_BEFORE_SEND");
        assertThat(SendModeOptions.crashPoints("outbox")).hasSize(2);
        assertThat(SendModeOptions.crashPoints("transactional"))
                .containsExactly("AFTER_HALF_BEFORE_LOCAL_COMMIT", "AFTER_LOCAL_COMMIT_BEFORE_ANSWER");
    }
}

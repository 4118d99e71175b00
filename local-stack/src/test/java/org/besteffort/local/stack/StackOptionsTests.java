package org.besteffort.local.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class StackOptionsTests {

    @Test
    void readsWhatTheLocalMavenProfilePasses() {
        StackOptions options = StackOptions.parse("--repository=/work/repo", "--reset=true", "--services=false",
                "--footprint=false");

        assertThat(options).isEqualTo(new StackOptions(Path.of("/work/repo"), true, false, false));
    }

    @Test
    void startsEverythingAndKeepsTheDataByDefault() {
        StackOptions options = StackOptions.parse("--repository=/work/repo", "--reset=false", "--services=true");

        assertThat(options.reset()).isFalse();
        assertThat(options.services()).isTrue();
        assertThat(options.footprint()).isFalse();
    }

    @Test
    void measuresTheFootprintOnlyOfTheWholeStack() {
        assertThat(StackOptions.parse("--footprint=true").footprint()).isTrue();
        assertThatThrownBy(() -> StackOptions.parse("--footprint", "--services=false"))
                .hasMessageContaining("needs --services=true");
    }

    @Test
    void acceptsBareFlagsOnTheCommandLine() {
        StackOptions options = StackOptions.parse("--reset", "--no-services");

        assertThat(options.reset()).isTrue();
        assertThat(options.services()).isFalse();
        assertThat(options.repository()).isEqualTo(Path.of("").toAbsolutePath());
    }

    @Test
    void rejectsAnUnknownArgument() {
        assertThatThrownBy(() -> StackOptions.parse("--rest")).hasMessageContaining("--rest");
    }
}

package org.besteffort.local.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaProcessTests {

    @TempDir
    static Path dir;

    static Path sleeperJar;

    @BeforeAll
    static void packSleeperJar() throws IOException {
        sleeperJar = dir.resolve("sleeper.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Sleeper.class.getName());
        String entry = Sleeper.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(sleeperJar);
             JarOutputStream jar = new JarOutputStream(file, manifest);
             InputStream classFile = Sleeper.class.getClassLoader().getResourceAsStream(entry)) {
            jar.putNextEntry(new JarEntry(entry));
            classFile.transferTo(jar);
            jar.closeEntry();
        }
    }

    @Test
    void stopsAProcessThatAKilledRunLeftBehind() {
        Path pidFile = dir.resolve("stale.pid");
        JavaProcess orphan = start("stale", pidFile);
        orphan.awaitLogLine(Sleeper.READY, Duration.ofSeconds(10));

        // A new run knows only the pid file, not the JavaProcess object of the run before it.
        assertThat(JavaProcess.stopStale(pidFile, "sleeper.jar")).contains(orphan.pid());

        assertThat(orphan.isAlive()).isFalse();
        assertThat(pidFile).doesNotExist();
    }

    @Test
    void leavesAProcessAloneWhoseCommandLineDoesNotMatch() throws IOException {
        Path pidFile = dir.resolve("recycled.pid");
        // The pid of this test JVM stands for a pid the system has handed to an unrelated program.
        Files.writeString(pidFile, Long.toString(ProcessHandle.current().pid()));

        assertThat(JavaProcess.stopStale(pidFile, "sleeper.jar")).isEmpty();

        assertThat(ProcessHandle.current().isAlive()).isTrue();
        assertThat(pidFile).doesNotExist();
    }

    @Test
    void reportsTheLogTailWhenTheChildDiesBeforeItIsReady() {
        JavaProcess failing = JavaProcess.start(sleeperJar, List.of(), List.of("--fail"),
                dir.resolve("failing.log"), dir.resolve("failing.pid"));

        assertThatThrownBy(() -> failing.awaitLogLine(Sleeper.READY, Duration.ofSeconds(10)))
                .isInstanceOf(ProcessStartFailed.class)
                .hasMessageContaining("exited with code 3")
                .hasMessageContaining("Sleeper cannot start: asked to fail");
    }

    @Test
    void stopsGracefullyAndForgetsItsPidFile() {
        Path pidFile = dir.resolve("graceful.pid");
        JavaProcess sleeper = start("graceful", pidFile);
        sleeper.awaitLogLine(Sleeper.READY, Duration.ofSeconds(10));
        assertThat(pidFile).hasContent(Long.toString(sleeper.pid()));

        sleeper.stop();

        assertThat(sleeper.isAlive()).isFalse();
        assertThat(pidFile).doesNotExist();
    }

    @Test
    void findsARunningProcessByItsPidFileOnlyWhileItRuns() {
        Path pidFile = dir.resolve("running.pid");
        JavaProcess sleeper = start("running", pidFile);
        sleeper.awaitLogLine(Sleeper.READY, Duration.ofSeconds(10));

        assertThat(JavaProcess.running(pidFile, "sleeper.jar")).contains(sleeper.pid());
        assertThat(JavaProcess.running(pidFile, "pay-service.jar")).isEmpty();

        sleeper.stop();
        assertThat(JavaProcess.running(pidFile, "sleeper.jar")).isEmpty();
    }

    private static JavaProcess start(String name, Path pidFile) {
        return JavaProcess.start(sleeperJar, List.of("-Xmx16m"), List.of(), dir.resolve(name + ".log"), pidFile);
    }
}

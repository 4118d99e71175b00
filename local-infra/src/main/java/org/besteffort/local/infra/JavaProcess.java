package org.besteffort.local.infra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A child JVM running an executable jar, with its output in a log file and its process id in a pid file.
 *
 * <p>The child's standard input stays an open pipe for its whole life: when this JVM dies, even by SIGKILL, the pipe
 * closes, and a child that watches its stdin (like local-broker) exits instead of lingering as an orphan.
 */
public final class JavaProcess {

    private static final Logger log = LoggerFactory.getLogger(JavaProcess.class);

    /** How long {@link #stop()} lets the child shut down on its own; RocketMQ's broker needs about 11 s. */
    static final Duration GRACEFUL_STOP = Duration.ofSeconds(20);

    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private static final int TAIL_LINES = 40;

    private final String name;

    private final Process process;

    private final Path logFile;

    private final Path pidFile;

    private JavaProcess(String name, Process process, Path logFile, Path pidFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.pidFile = pidFile;
    }

    /**
     * Starts {@code java <jvmArgs> -jar <jar> <args>} with the java of this JVM and returns without waiting for it to be
     * ready; see {@link #awaitLogLine} and {@link #awaitHttpOk}.
     *
     * @param logFile receives standard output and standard error, truncated first
     * @param pidFile receives the child's process id, so that a later run can clean up after a killed one
     */
    public static JavaProcess start(Path jar, List<String> jvmArgs, List<String> args, Path logFile, Path pidFile) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("No such jar: " + jar);
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        command.addAll(args);
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            Files.createDirectories(pidFile.toAbsolutePath().getParent());
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile())
                    .start();
            Files.writeString(pidFile, Long.toString(process.pid()));
            String name = jar.getFileName().toString().replaceFirst("\\.jar$", "");
            log.info("Started {} (pid {}), log {}", name, process.pid(), logFile);
            log.debug("{} command line: {}", name, command);
            return new JavaProcess(name, process, logFile, pidFile);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start " + command, e);
        }
    }

    /**
     * Stops a process left behind by an earlier run that was killed before it could clean up, if the pid file names a live
     * process whose command line contains {@code commandLineMarker}; then deletes the pid file.
     *
     * @return the pid of the process that was stopped, if there was one
     */
    public static Optional<Long> stopStale(Path pidFile, String commandLineMarker) {
        Optional<ProcessHandle> stale = alive(pidFile, commandLineMarker);
        stale.ifPresent(handle -> {
            log.warn("Stopping pid {} ({}), left running by an earlier run", handle.pid(),
                    handle.info().command().orElse(commandLineMarker));
            terminate(handle, GRACEFUL_STOP);
        });
        deleteQuietly(pidFile);
        return stale.map(ProcessHandle::pid);
    }

    /** Waits until the log contains {@code marker}; fails early, with the log's tail, if the process dies first. */
    public void awaitLogLine(String marker, Duration timeout) {
        awaitCondition("'" + marker + "' in its log", timeout, () -> readLog().contains(marker));
    }

    /** Waits until an HTTP GET of {@code uri} answers 200; fails early, with the log's tail, if the process dies first. */
    public void awaitHttpOk(URI uri, Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build();
        awaitCondition("HTTP 200 from " + uri, timeout, () -> {
            try {
                return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                // Not listening yet.
                return false;
            }
        });
    }

    /** Asks the child to shut down (SIGTERM), waits up to 20 s, then kills it; idempotent. */
    public void stop() {
        if (process.isAlive()) {
            log.info("Stopping {} (pid {})", name, process.pid());
            terminate(process.toHandle(), GRACEFUL_STOP);
        }
        deleteQuietly(pidFile);
    }

    /** Kills the child at once (SIGKILL), as a crash would: for tests of what survives one. */
    public void kill() {
        if (process.isAlive()) {
            log.info("Killing {} (pid {})", name, process.pid());
            process.destroyForcibly();
            waitForExit(process.toHandle(), Duration.ofSeconds(10));
        }
        deleteQuietly(pidFile);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Completes with the exit code when the child exits, for whatever reason. */
    public CompletableFuture<Integer> onExit() {
        return process.onExit().thenApply(Process::exitValue);
    }

    public long pid() {
        return process.pid();
    }

    public String name() {
        return name;
    }

    public Path logFile() {
        return logFile;
    }

    /** The last lines of the child's log, for error messages. */
    public String logTail() {
        List<String> lines = readLog().lines().toList();
        return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
    }

    private void awaitCondition(String what, Duration timeout, InterruptibleCondition condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!condition.holds()) {
                if (!process.isAlive()) {
                    throw new ProcessStartFailed(name + " exited with code " + process.exitValue()
                            + " before " + what, logFile, logTail());
                }
                if (System.nanoTime() > deadline) {
                    throw new ProcessStartFailed(name + " did not show " + what + " within " + timeout.toSeconds()
                            + " s", logFile, logTail());
                }
                // Polling a log file or a port: there is nothing to be notified by.
                Thread.sleep(POLL_INTERVAL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProcessStartFailed("Interrupted while waiting for " + name, logFile, logTail());
        }
    }

    private String readLog() {
        try {
            // Decoding replaces a multi-byte character cut at the end of a half-written line instead of failing.
            return new String(Files.readAllBytes(logFile), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    static void terminate(ProcessHandle handle, Duration grace) {
        handle.destroy();
        if (!waitForExit(handle, grace)) {
            log.warn("pid {} did not stop within {} s: killing it", handle.pid(), grace.toSeconds());
            handle.destroyForcibly();
            waitForExit(handle, Duration.ofSeconds(10));
        }
    }

    private static boolean waitForExit(ProcessHandle handle, Duration timeout) {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !handle.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !handle.isAlive();
        }
    }

    /** The pid of the process a pid file names, if it is alive and its command line contains the marker. */
    public static Optional<Long> running(Path pidFile, String commandLineMarker) {
        return alive(pidFile, commandLineMarker).map(ProcessHandle::pid);
    }

    private static Optional<ProcessHandle> alive(Path pidFile, String commandLineMarker) {
        return readPid(pidFile)
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                // A recycled pid may now belong to anything: only a process that is recognisably ours counts.
                .filter(handle -> handle.info().commandLine().orElse("").contains(commandLineMarker));
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Cannot delete {}: {}", file, e.toString());
        }
    }

    @FunctionalInterface
    private interface InterruptibleCondition {
        boolean holds() throws InterruptedException;
    }
}

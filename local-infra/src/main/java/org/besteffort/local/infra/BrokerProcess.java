package org.besteffort.local.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real RocketMQ NameServer and Broker, running local-broker.jar as a child JVM until closed.
 *
 * <p>A separate JVM keeps the broker's netty, gRPC and RocksDB off the services' classpath, gives it its own heap and
 * {@code user.home}, and lets a test kill it like a crash would.
 */
public final class BrokerProcess implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BrokerProcess.class);

    /** System property naming the broker jar explicitly; by default it is found by walking up from the working directory. */
    public static final String JAR_PROPERTY = "besteffort.local-broker.jar";

    /** RocketMQ's default redelivery delays: a failed message comes back after 10 s, 30 s, 1 m, 2 m, … up to 2 h. */
    public static final String DEFAULT_DELAY_LEVELS = "1s 5s 10s 30s 1m 2m 3m 4m 5m 6m 7m 8m 9m 10m 20m 30m 1h 2h";

    /** Every level 1 s: tests watch redeliveries and the dead-letter queue in seconds instead of minutes. */
    public static final String TEST_DELAY_LEVELS = String.join(" ", Collections.nCopies(18, "1s"));

    private static final String JAR_PATH = "local-broker/target/local-broker.jar";

    private static final String READY_PREFIX = "LOCAL-BROKER READY namesrv=";

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final Settings settings;

    private final JavaProcess process;

    private BrokerProcess(Settings settings, JavaProcess process) {
        this.settings = settings;
        this.process = process;
    }

    /**
     * How to run the broker.
     *
     * @param workDir        holds everything the broker writes: store, config, logs, pid file
     * @param nameServerPort NameServer port
     * @param brokerPort     Broker port; {@code brokerPort - 2} must be free too, see {@link FreePorts#forBroker()}
     * @param delayLevels    RocketMQ {@code messageDelayLevel}, e.g. {@link #DEFAULT_DELAY_LEVELS}
     * @param topics         topics created before the broker registers, each with 4 queues
     * @param consumerGroups groups whose {@code %RETRY%} topic and subscription config are created up front
     * @param heap           the child's maximum heap, e.g. {@code "128m"}
     */
    public record Settings(Path workDir, int nameServerPort, int brokerPort, String delayLevels,
                           List<String> topics, List<String> consumerGroups, String heap) {

        public Settings {
            workDir = workDir.toAbsolutePath().normalize();
            topics = List.copyOf(topics);
            consumerGroups = List.copyOf(consumerGroups);
            if (nameServerPort == brokerPort) {
                throw new IllegalArgumentException("NameServer and Broker need different ports");
            }
        }
    }

    /**
     * Stops a broker left running by a killed earlier run in the same work dir, starts a new one and waits until its
     * topics have routes, so that the first send succeeds.
     */
    public static BrokerProcess start(Settings settings) {
        Path jar = locateJar();
        stopStale(settings.workDir());
        List<String> jvmArgs = List.of(
                "-Duser.home=" + settings.workDir(),
                "-Dfile.encoding=UTF-8",
                "-XX:+UseSerialGC",
                "-Xmx" + settings.heap());
        List<String> args = List.of(
                "--store-dir=" + settings.workDir(),
                "--namesrv-port=" + settings.nameServerPort(),
                "--broker-port=" + settings.brokerPort(),
                "--delay-levels=" + settings.delayLevels(),
                "--topics=" + String.join(",", settings.topics()),
                "--groups=" + String.join(",", settings.consumerGroups()));

        long started = System.nanoTime();
        JavaProcess process = JavaProcess.start(jar, jvmArgs, args,
                settings.workDir().resolve("logs/console.log"), pidFile(settings.workDir()));
        try {
            process.awaitLogLine(READY_PREFIX + "127.0.0.1:" + settings.nameServerPort(), READY_TIMEOUT);
        } catch (RuntimeException e) {
            process.kill();
            throw e;
        }
        log.info("Broker ready in {} ms: NameServer 127.0.0.1:{}, Broker port {}, work dir {}",
                (System.nanoTime() - started) / 1_000_000, settings.nameServerPort(), settings.brokerPort(),
                settings.workDir());
        return new BrokerProcess(settings, process);
    }

    /**
     * Stops a broker that a killed run left behind in {@code workDir}. Normally it has exited by itself already, as it
     * watches its standard input.
     *
     * @return the pid of the process that was stopped, if there was one
     */
    public static Optional<Long> stopStale(Path workDir) {
        return JavaProcess.stopStale(pidFile(workDir), "local-broker");
    }

    /**
     * The broker jar: the {@value #JAR_PROPERTY} system property if set, otherwise {@value #JAR_PATH} in the working
     * directory or the nearest parent directory that has one.
     */
    public static Path locateJar() {
        String configured = System.getProperty(JAR_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path jar = Path.of(configured);
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("-D" + JAR_PROPERTY + " names " + jar + ", which does not exist");
            }
            return jar;
        }
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(JAR_PATH);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("Cannot find " + JAR_PATH + " in " + start + " or above it. Build it first: "
                + "./mvnw -pl local-broker package (or set -D" + JAR_PROPERTY + "=<path>)");
    }

    /** The address clients use, e.g. {@code rocketmq.name-server=127.0.0.1:9876}. */
    public String nameServerAddress() {
        return "127.0.0.1:" + settings.nameServerPort();
    }

    public Settings settings() {
        return settings;
    }

    /** The child's standard output and error. */
    public Path logFile() {
        return process.logFile();
    }

    /** RocketMQ's own log: registrations, store, redeliveries. */
    public Path brokerLog() {
        return settings.workDir().resolve("logs/broker.log");
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Completes with the exit code when the broker exits, for whatever reason. */
    public CompletableFuture<Integer> onExit() {
        return process.onExit();
    }

    /** Kills the broker at once, as a crash would: unflushed consumer offsets are lost, committed messages are not. */
    public void kill() {
        process.kill();
    }

    /** Stops the broker gracefully: it unregisters and flushes, which takes RocketMQ about 11 s. */
    @Override
    public void close() {
        process.stop();
    }

    /** The pid of the broker running in {@code workDir}, if one is. */
    public static Optional<Long> running(Path workDir) {
        return JavaProcess.running(pidFile(workDir), "local-broker");
    }

    private static Path pidFile(Path workDir) {
        return workDir.resolve("local-broker.pid");
    }
}

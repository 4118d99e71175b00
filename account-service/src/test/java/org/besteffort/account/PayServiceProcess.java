package org.besteffort.account;

import org.besteffort.local.infra.FreePorts;
import org.besteffort.local.infra.JavaProcess;
import org.besteffort.local.infra.TestHttp;
import org.besteffort.local.infra.TestInfrastructure;
import org.besteffort.local.infra.TestJournal;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The real pay-service, run from its jar as a separate process, so that a test can kill it and start it again.
 */
public final class PayServiceProcess {

    private static PayServiceProcess shared;

    private final int port = FreePorts.any();
    private final Path jar;
    private final Path workDir;
    private JavaProcess process;

    private PayServiceProcess(Path jar, Path workDir) {
        this.jar = jar;
        this.workDir = workDir;
    }

    /** The one pay-service of this test JVM, started on first use and stopped with the JVM. */
    public static synchronized PayServiceProcess shared() {
        if (shared == null) {
            Path root = TestInfrastructure.shared().repositoryRoot();
            Path jar = root.resolve("pay-service/target/pay-service.jar");
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: build it first (./mvnw -pl pay-service package)");
            }
            shared = new PayServiceProcess(jar, Path.of("target", "test-infra", "pay-service").toAbsolutePath());
            shared.start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "pay-service-stopper"));
        }
        return shared;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public TestHttp http() {
        return new TestHttp(url());
    }

    /** pay-service's journal, as the console reads it. */
    public TestJournal journal() {
        return new TestJournal(http());
    }

    /** Starts it if a test left it dead. */
    public synchronized void ensureRunning() {
        if (process == null || !process.isAlive()) {
            start();
        }
    }

    /** SIGKILL: pay-service disappears mid-flight, as in a crash. */
    public synchronized void kill() {
        process.kill();
    }

    public synchronized void start() {
        var infra = TestInfrastructure.shared();
        process = JavaProcess.start(jar, List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"), List.of(
                        "--spring.profiles.active=local",
                        "--server.port=" + port,
                        "--spring.datasource.url=" + infra.database().jdbcUrl("bank1_pay"),
                        "--rocketmq.name-server=" + infra.broker().nameServerAddress(),
                        // Statements list a pay a moment after it commits, not 5 s, so that tests need not wait.
                        "--statement.settle-lag=300ms"),
                workDir.resolve("pay-service.log"), workDir.resolve("pay-service.pid"));
        process.awaitHttpOk(URI.create(url() + "/actuator/health"), Duration.ofSeconds(90));
    }

    private synchronized void stop() {
        if (process != null && process.isAlive()) {
            process.stop();
        }
    }
}

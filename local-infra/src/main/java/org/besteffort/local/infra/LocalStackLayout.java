package org.besteffort.local.infra;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the local stack listens and keeps its state: one place for the launcher and for the tools that work
 * against a running stack (the benchmark).
 *
 * @param repository the clone the stack runs from; its state lives in {@code .local-stack/} there
 */
public record LocalStackLayout(Path repository) {

    public static final int NAME_SERVER_PORT = 9876;

    public static final int BROKER_PORT = 10911;

    public static final int DATABASE_PORT = 3307;

    public static final int PAY_SERVICE_PORT = 8081;

    public static final int ACCOUNT_SERVICE_PORT = 8082;

    public static final int NOTIFY_GATEWAY_PORT = 8083;

    /** The console: the live page over the three services. */
    public static final int CONSOLE_PORT = 8080;

    /**
     * How the services' JVMs run, in the local stack and in the drills' and benchmark's stacks. C1 only: on two cores
     * C2 compiling in the background cost more than its faster code gained (docs/benchmarks.md), and it starts faster.
     */
    public static final List<String> SERVICE_JVM_ARGS = List.of("-Xmx256m", "-XX:+UseSerialGC",
            "-Dfile.encoding=UTF-8", "-XX:TieredStopAtLevel=1");

    /**
     * The local stack's services on top of {@link #SERVICE_JVM_ARGS}: a heap that starts small and grows only as far as
     * the service needs, so that an idle service does not hold a young generation sized for load.
     */
    public static final List<String> LOCAL_SERVICE_JVM_ARGS = Stream.concat(SERVICE_JVM_ARGS.stream(),
            Stream.of("-Xms16m", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30")).toList();

    /**
     * The local stack's MariaDB: caches sized for a trainee's few thousand rows (the defaults, 128 MB each for InnoDB's
     * buffer pool, the key cache and Aria's page cache, are for servers); the benchmarks' stacks keep the defaults.
     */
    public static final List<String> LOCAL_DATABASE_OPTIONS = List.of("--innodb-buffer-pool-size=32M",
            "--key-buffer-size=8M", "--aria-pagecache-buffer-size=8M", "--innodb-log-buffer-size=2M",
            "--table-open-cache=256", "--table-definition-cache=256");

    /** The local stack broker's heap; it carries the walkthrough's few messages, not a benchmark's load. */
    public static final String LOCAL_BROKER_HEAP = "96m";

    public Path stateDir() {
        return repository.resolve(".local-stack");
    }

    /** The pid file of a service ({@code pay-service}, {@code account-service}) while it runs. */
    public Path servicePidFile(String service) {
        return stateDir().resolve("run/" + service + ".pid");
    }

    public Path brokerDir() {
        return stateDir().resolve("broker");
    }

    public Path databaseBaseDir() {
        return stateDir().resolve("mariadb/base");
    }

    /** MariaDB's data, with the pid file of the running server. */
    public Path databaseDataDir() {
        return stateDir().resolve("mariadb/data");
    }

    public Path logDir() {
        return stateDir().resolve("logs");
    }
}

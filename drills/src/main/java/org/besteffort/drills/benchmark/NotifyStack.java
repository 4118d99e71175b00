package org.besteffort.drills.benchmark;

import org.besteffort.common.NotifyChannel;
import org.besteffort.local.infra.BrokerProcess;
import org.besteffort.local.infra.Directories;
import org.besteffort.local.infra.FreePorts;
import org.besteffort.local.infra.JavaProcess;
import org.besteffort.local.infra.LocalDatabase;
import org.besteffort.local.infra.LocalStackLayout;
import org.besteffort.local.infra.RepositoryRoot;

import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The notify benchmark's throwaway stack: broker, MariaDB, pay-service and the notify gateway on free ports, data
 * under the run's directory, the services as the local stack runs them ({@code local} profile, its JVM flags) but
 * logging at WARN, with one extra receiver, {@value #RECEIVER_ID}, registered on both. No account-service: the
 * receiver is the benchmark's own. Killed at the end, its big data deleted, its logs kept.
 */
final class NotifyStack implements AutoCloseable {

    static final String RECEIVER_ID = "bench";

    /** Any base64 key: the benchmark's receiver verifies nothing. */
    private static final String SECRET = "whsec_" + Base64.getEncoder()
            .encodeToString("notify-benchmark-key, not checked".getBytes(StandardCharsets.UTF_8));

    private final Path workDir;
    private final Path root = RepositoryRoot.find();
    private final String receiverUrl;
    private final int perEndpoint;
    private final int payPort = FreePorts.any();
    private final int gatewayPort = FreePorts.any();
    private BrokerProcess broker;
    private LocalDatabase database;
    private JavaProcess payService;
    private JavaProcess gateway;

    /**
     * @param receiverUrl the notify URL of receiver {@value #RECEIVER_ID}
     * @param perEndpoint the gateway's {@code max-in-flight-per-endpoint}; 0 leaves its default
     */
    NotifyStack(Path workDir, String receiverUrl, int perEndpoint) {
        this.workDir = workDir;
        this.receiverUrl = receiverUrl;
        this.perEndpoint = perEndpoint;
    }

    void start() {
        broker = BrokerProcess.start(new BrokerProcess.Settings(workDir.resolve("broker"), FreePorts.any(),
                FreePorts.forBroker(), BrokerProcess.DEFAULT_DELAY_LEVELS, List.of(NotifyChannel.TOPIC),
                NotifyChannel.CONSUMER_GROUPS, "128m"));
        database = LocalDatabase.start(workDir.resolve("mariadb-base"), workDir.resolve("mariadb-data"),
                FreePorts.any());
        database.migrate(root.resolve("sql"));
        payService = startService("pay-service", payPort, "bank1_pay", List.of(
                "--pay.receivers." + RECEIVER_ID + ".notify-urls[0]=" + receiverUrl));
        List<String> gatewayArgs = new ArrayList<>(List.of(
                "--gateway.receivers." + RECEIVER_ID + ".secrets[0]=" + SECRET,
                "--gateway.receivers." + RECEIVER_ID + ".notify-urls[0]=" + receiverUrl,
                "--gateway.receivers." + RECEIVER_ID + ".schedule=1s,5s",
                // The dispatcher's settings as the gateway resolved them, for the report.
                "--management.endpoints.web.exposure.include=health,metrics,configprops",
                "--management.endpoint.configprops.show-values=always",
                "--logging.level.org.besteffort.notify.dispatch.NotifyDispatcher=INFO"));
        if (perEndpoint > 0) {
            gatewayArgs.add("--gateway.dispatch.max-in-flight-per-endpoint=" + perEndpoint);
        }
        gateway = startService("notify-gateway", gatewayPort, "bank1_notify", gatewayArgs);
    }

    String payUrl() {
        return "http://127.0.0.1:" + payPort;
    }

    String gatewayUrl() {
        return "http://127.0.0.1:" + gatewayPort;
    }

    LocalDatabase database() {
        return database;
    }

    long gatewayPid() {
        return gateway.pid();
    }

    Path gatewayLog() {
        return gateway.logFile();
    }

    /** The pids of the stack's processes by name: broker, pay-service, notify-gateway, mariadb. */
    Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put("broker", broker.pid());
        pids.put("pay-service", payService.pid());
        pids.put("notify-gateway", gateway.pid());
        LocalDatabase.pid(database.dataDir()).ifPresent(pid -> pids.put("mariadb", pid));
        return pids;
    }

    private JavaProcess startService(String name, int port, String schema, List<String> extra) {
        List<String> args = new ArrayList<>(List.of("--spring.profiles.active=local", "--server.port=" + port,
                "--spring.datasource.url=" + database.jdbcUrl(schema),
                "--rocketmq.name-server=" + broker.nameServerAddress(),
                "--logging.level.org.besteffort=WARN"));
        args.addAll(extra);
        JavaProcess process = JavaProcess.start(root.resolve(name + "/target/" + name + ".jar"),
                LocalStackLayout.SERVICE_JVM_ARGS, args, workDir.resolve(name + ".log"),
                workDir.resolve(name + ".pid"));
        process.awaitHttpOk(URI.create("http://127.0.0.1:" + port + "/actuator/health"), Duration.ofSeconds(120));
        return process;
    }

    /** Kills everything (nothing here is worth a graceful stop) and deletes the database and the broker's store. */
    @Override
    public void close() {
        for (JavaProcess service : new JavaProcess[] {gateway, payService}) {
            if (service != null) {
                service.kill();
            }
        }
        if (broker != null) {
            broker.kill();
            deleteRecursively(workDir.resolve("broker/store"));
        }
        if (database != null) {
            database.closeAndDeleteData();
            // The unpacked server binaries: 350 MB per run.
            deleteRecursively(workDir.resolve("mariadb-base"));
        }
    }

    private static void deleteRecursively(Path dir) {
        try {
            Directories.delete(dir);
        } catch (UncheckedIOException e) {
            System.err.printf("%s: %s%n", e.getMessage(), e.getCause());
        }
    }
}

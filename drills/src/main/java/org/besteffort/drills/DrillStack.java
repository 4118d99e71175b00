package org.besteffort.drills;

import org.besteffort.common.NotifyChannel;
import org.besteffort.local.infra.BrokerProcess;
import org.besteffort.local.infra.FreePorts;
import org.besteffort.local.infra.JavaProcess;
import org.besteffort.local.infra.LocalDatabase;
import org.besteffort.local.infra.LocalStackLayout;
import org.besteffort.local.infra.RepositoryRoot;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;

/**
 * A throwaway stack of its own for one drill or benchmark: broker, MariaDB and both services on free ports, faults
 * switched on from the start, and a receiver that can be killed and started again.
 */
public final class DrillStack implements AutoCloseable {

    /** RocketMQ's own redelivery delays. */
    public static final String DEFAULT_DELAY_LEVELS = BrokerProcess.DEFAULT_DELAY_LEVELS;

    private final Path workDir;
    private final Path root = RepositoryRoot.find();
    private final String delayLevels;
    private final Faults faults;
    private final int payPort = FreePorts.any();
    private final int accountPort = FreePorts.any();
    private BrokerProcess broker;
    private LocalDatabase database;
    private JavaProcess payService;
    private JavaProcess accountService;

    /**
     * @param delayLevels the broker's redelivery delays (RocketMQ syntax)
     * @param faults      the fault switches both services start with
     */
    public DrillStack(Path workDir, String delayLevels, Faults faults) {
        this.workDir = workDir;
        this.delayLevels = delayLevels;
        this.faults = faults;
    }

    public void start() {
        broker = BrokerProcess.start(new BrokerProcess.Settings(workDir.resolve("broker"), FreePorts.any(),
                FreePorts.forBroker(), delayLevels, List.of(NotifyChannel.TOPIC),
                NotifyChannel.CONSUMER_GROUPS, "128m"));
        database = LocalDatabase.start(workDir.resolve("mariadb-base"), workDir.resolve("mariadb-data"),
                FreePorts.any());
        database.runScripts(root.resolve("sql"));
        payService = startService("pay-service", payPort, "bank1_pay", List.of(
                "--faults.drop-fraction=" + faults.dropFraction(),
                "--faults.duplicate-fraction=" + faults.duplicateFraction(),
                "--statement.settle-lag=2s"));
        startAccountService();
    }

    /** SIGKILL: the receiver dies mid-delivery, with messages in flight and transactions open. */
    public void killAccountService() {
        accountService.kill();
    }

    public void startAccountService() {
        accountService = startService("account-service", accountPort, "bank1", List.of(
                "--pay-service.url=" + payUrl(),
                "--faults.fail-fraction=" + faults.failFraction(),
                "--reconciliation.interval=2s", "--reconciliation.grace=5s", "--reconciliation.deadline=30s",
                "--reconciliation.lease=10s", "--reconciliation.max-backoff=10s",
                "--statement-reconciliation.interval=20s"));
    }

    public String payUrl() {
        return "http://127.0.0.1:" + payPort;
    }

    public String accountUrl() {
        return "http://127.0.0.1:" + accountPort;
    }

    public LocalDatabase database() {
        return database;
    }

    private JavaProcess startService(String name, int port, String schema, List<String> extra) {
        List<String> args = new ArrayList<>(List.of("--spring.profiles.active=local", "--server.port=" + port,
                "--spring.datasource.url=" + database.jdbcUrl(schema),
                "--rocketmq.name-server=" + broker.nameServerAddress(),
                "--logging.level.org.besteffort=WARN"));
        args.addAll(extra);
        JavaProcess process = JavaProcess.start(root.resolve(name + "/target/" + name + ".jar"),
                LocalStackLayout.SERVICE_JVM_ARGS, args, workDir.resolve(name + ".log"), workDir.resolve(name + ".pid"));
        process.awaitHttpOk(URI.create("http://127.0.0.1:" + port + "/actuator/health"), Duration.ofSeconds(120));
        return process;
    }

    /** The pids of the stack's processes by name, for measuring their footprint. */
    public Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>(Map.of("broker", broker.pid(), "pay-service", payService.pid(),
                "account-service", accountService.pid()));
        LocalDatabase.pid(database.dataDir()).ifPresent(pid -> pids.put("mariadb", pid));
        return pids;
    }

    /** The fraction of notifications lost and sent twice, and of deliveries failed, from the start. */
    public record Faults(double dropFraction, double duplicateFraction, double failFraction) {

        public static final Faults NONE = new Faults(0, 0, 0);
    }

    @Override
    public void close() {
        for (JavaProcess service : new JavaProcess[] {accountService, payService}) {
            if (service != null && service.isAlive()) {
                service.stop();
            }
        }
        if (broker != null) {
            broker.kill(); // its store is thrown away with the drill
        }
        if (database != null) {
            database.closeAndDeleteData();
        }
    }
}

package org.besteffort.drills.chaos;

import org.besteffort.common.NotifyChannel;
import org.besteffort.local.infra.BrokerProcess;
import org.besteffort.local.infra.FreePorts;
import org.besteffort.local.infra.JavaProcess;
import org.besteffort.local.infra.LocalDatabase;
import org.besteffort.local.infra.RepositoryRoot;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A throwaway stack of its own for one drill: broker, MariaDB and both services on free ports, faults switched on
 * from the start, and a receiver that can be killed and started again.
 */
final class DrillStack implements AutoCloseable {

    private static final List<String> JVM = List.of("-Xmx256m", "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8");

    private final Path workDir;
    private final Path root = RepositoryRoot.find();
    private final DrillOptions options;
    private final int payPort = FreePorts.any();
    private final int accountPort = FreePorts.any();
    private BrokerProcess broker;
    private LocalDatabase database;
    private JavaProcess payService;
    private JavaProcess accountService;

    DrillStack(Path workDir, DrillOptions options) {
        this.workDir = workDir;
        this.options = options;
    }

    void start() {
        broker = BrokerProcess.start(new BrokerProcess.Settings(workDir.resolve("broker"), FreePorts.any(),
                FreePorts.forBroker(), options.delayLevels(), List.of(NotifyChannel.TOPIC),
                List.of(NotifyChannel.CONSUMER_GROUP), "128m"));
        database = LocalDatabase.start(workDir.resolve("mariadb-base"), workDir.resolve("mariadb-data"),
                FreePorts.any());
        database.runScripts(root.resolve("sql"));
        payService = startService("pay-service", payPort, "bank1_pay", List.of(
                "--faults.drop-fraction=" + options.dropFraction(),
                "--faults.duplicate-fraction=" + options.duplicateFraction(),
                "--statement.settle-lag=2s"));
        startAccountService();
    }

    /** SIGKILL: the receiver dies mid-delivery, with messages in flight and transactions open. */
    void killAccountService() {
        accountService.kill();
    }

    void startAccountService() {
        accountService = startService("account-service", accountPort, "bank1", List.of(
                "--pay-service.url=" + payUrl(),
                "--faults.fail-fraction=" + options.failFraction(),
                "--reconciliation.interval=2s", "--reconciliation.grace=5s", "--reconciliation.deadline=30s",
                "--reconciliation.lease=10s", "--reconciliation.max-backoff=10s",
                "--statement-reconciliation.interval=20s"));
    }

    String payUrl() {
        return "http://127.0.0.1:" + payPort;
    }

    String accountUrl() {
        return "http://127.0.0.1:" + accountPort;
    }

    LocalDatabase database() {
        return database;
    }

    private JavaProcess startService(String name, int port, String schema, List<String> extra) {
        List<String> args = new ArrayList<>(List.of("--spring.profiles.active=local", "--server.port=" + port,
                "--spring.datasource.url=" + database.jdbcUrl(schema),
                "--rocketmq.name-server=" + broker.nameServerAddress(),
                "--logging.level.org.besteffort=WARN"));
        args.addAll(extra);
        JavaProcess process = JavaProcess.start(root.resolve(name + "/target/" + name + ".jar"), JVM, args,
                workDir.resolve(name + ".log"), workDir.resolve(name + ".pid"));
        process.awaitHttpOk(URI.create("http://127.0.0.1:" + port + "/actuator/health"), Duration.ofSeconds(120));
        return process;
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

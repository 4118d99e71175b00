package org.besteffort.drills;

import org.besteffort.common.NotifyChannel;
import org.besteffort.local.infra.BrokerProcess;
import org.besteffort.local.infra.Directories;
import org.besteffort.local.infra.FreePorts;
import org.besteffort.local.infra.JavaProcess;
import org.besteffort.local.infra.LocalDatabase;
import org.besteffort.local.infra.LocalStackLayout;
import org.besteffort.local.infra.ProcessStartFailed;
import org.besteffort.local.infra.RepositoryRoot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.function.Supplier;

/**
 * A throwaway stack of its own for one drill or benchmark: broker, MariaDB and both services on free ports, and if
 * asked the notify gateway; faults switched on from the start, and a receiver and a gateway that can be killed and
 * started again.
 */
public final class DrillStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DrillStack.class);

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    /** RocketMQ's own redelivery delays. */
    public static final String DEFAULT_DELAY_LEVELS = BrokerProcess.DEFAULT_DELAY_LEVELS;

    /** account-service's id at the gateway, as the local profile names it. */
    public static final String RECEIVER_ID = "bank1";

    /** The gaps between the gateway's attempts to bank1: seven attempts over about a minute. */
    public static final String NOTIFY_SCHEDULE = "1s,2s,4s,8s,16s,30s";

    private final Path workDir;
    private final Path root = RepositoryRoot.find();
    private final String delayLevels;
    private final Faults faults;
    private final int payPort = FreePorts.any();
    private final int accountPort = FreePorts.any();
    private final int gatewayPort = FreePorts.any();
    private BrokerProcess broker;
    private LocalDatabase database;
    private JavaProcess payService;
    private JavaProcess accountService;
    private JavaProcess gateway;
    private boolean withGateway;
    private List<String> payArgs = List.of();
    private List<String> paySettings = List.of();

    /**
     * @param delayLevels the broker's redelivery delays (RocketMQ syntax)
     * @param faults      the fault switches both services start with
     */
    public DrillStack(Path workDir, String delayLevels, Faults faults) {
        // A test JVM may be given a java.io.tmpdir of its own that does not exist yet (drills/pom.xml).
        Directories.create(Path.of(System.getProperty("java.io.tmpdir")));
        this.workDir = workDir;
        this.delayLevels = delayLevels;
        this.faults = faults;
    }

    /**
     * Also runs the notify gateway (scheme 2): pays name bank1 and account-service's notify URL, and the gateway POSTs
     * them there on {@link #NOTIFY_SCHEDULE}. Call before {@link #start()}.
     */
    public DrillStack withNotifyGateway() {
        this.withGateway = true;
        return this;
    }

    public void start() {
        // A stack of its own means empty: a broker store left by an earlier run in the same directory would deliver
        // that run's unconsumed messages to this one's receiver, and its txNos are this run's too.
        Directories.delete(workDir.resolve("broker"));
        Directories.delete(workDir.resolve("mariadb-data"));
        broker = BrokerProcess.start(new BrokerProcess.Settings(workDir.resolve("broker"), FreePorts.any(),
                FreePorts.forBroker(), delayLevels, List.of(NotifyChannel.TOPIC),
                NotifyChannel.CONSUMER_GROUPS, "128m"));
        database = LocalDatabase.start(workDir.resolve("mariadb-base"), workDir.resolve("mariadb-data"),
                FreePorts.any());
        database.migrate(root.resolve("sql"));
        List<String> payArgs = new ArrayList<>(List.of(
                "--faults.drop-fraction=" + faults.dropFraction(),
                "--faults.duplicate-fraction=" + faults.duplicateFraction(),
                "--statement.settle-lag=2s"));
        if (withGateway) {
            payArgs.add("--pay.receivers." + RECEIVER_ID + ".notify-urls[0]=" + notifyUrl());
            // The merchant's order pages, where the cashier may send the payer back (the Alipay flow).
            payArgs.add("--pay.receivers." + RECEIVER_ID + ".return-urls[0]=" + accountUrl() + "/checkout/orders/");
        }
        this.payArgs = List.copyOf(payArgs);
        startPayService();
        // The gateway needs neither service to start: let it boot while account-service does.
        gateway = withGateway ? launchGateway() : null;
        startAccountService();
        if (gateway != null) {
            gateway = awaitUp(gateway, this::launchGateway, gatewayPort);
        }
    }

    /**
     * Stops pay-service if it runs and starts it with these settings on top of the stack's own, e.g.
     * {@code --notifier.send-mode=outbox}; they stay for {@link #startPayService()}.
     */
    public void restartPayService(List<String> settings) {
        if (payService.isAlive()) {
            payService.stop();
        }
        paySettings = List.copyOf(settings);
        startPayService();
    }

    /** Settings pay-service starts with on top of the stack's own, e.g. its send mode. Call before {@link #start()}. */
    public DrillStack withPayServiceSettings(List<String> settings) {
        paySettings = List.copyOf(settings);
        return this;
    }

    /** Starts pay-service again, after a crash, with the settings it last ran with. */
    public void startPayService() {
        List<String> args = new ArrayList<>(payArgs);
        args.addAll(paySettings);
        payService = startService("pay-service", payPort, "bank1_pay", args);
    }

    /** Completes when pay-service exits, e.g. halted at a crash point. */
    public java.util.concurrent.CompletableFuture<Integer> payServiceExit() {
        return payService.onExit();
    }

    /** Keeps pay-service's log of a life that ended in a crash, as {@code pay-service-<why>.log}. */
    public void keepPayServiceLog(String why) {
        keepLog("pay-service", why);
    }

    /** SIGKILL: the receiver dies mid-delivery, with messages in flight and transactions open. */
    public void killAccountService() {
        accountService.kill();
        keepLog("account-service", "killed");
    }

    public void startAccountService() {
        List<String> args = new ArrayList<>(List.of(
                "--pay-service.url=" + payUrl(),
                "--faults.fail-fraction=" + faults.failFraction(),
                "--reconciliation.interval=2s", "--reconciliation.grace=5s", "--reconciliation.deadline=30s",
                "--reconciliation.lease=10s", "--reconciliation.max-backoff=10s",
                "--statement-reconciliation.interval=20s"));
        if (withGateway) {
            args.add("--faults.notify-fail-fraction=" + faults.notifyFailFraction());
            args.add("--recharge.notify.url=" + notifyUrl());
            args.add("--checkout.pay-service-url=" + payUrl());
            args.add("--checkout.public-url=" + accountUrl());
        }
        accountService = startService("account-service", accountPort, "bank1", args);
    }

    /** SIGKILL: the gateway dies mid-dispatch, with deliveries in flight, tasks leased and messages unacknowledged. */
    public void killGateway() {
        gateway.kill();
        keepLog("notify-gateway", "killed");
    }

    public void startGateway() {
        gateway = awaitUp(launchGateway(), this::launchGateway, gatewayPort);
    }


    private JavaProcess launchGateway() {
        return launch("notify-gateway", gatewayPort, "bank1_notify", List.of(
                "--gateway.receivers." + RECEIVER_ID + ".notify-urls[0]=" + notifyUrl(),
                "--gateway.receivers." + RECEIVER_ID + ".schedule=" + NOTIFY_SCHEDULE,
                // A killed gateway's leases run out sooner; still longer than one attempt can take (2 s + 5 s).
                "--gateway.dispatch.lease=10s", "--gateway.delivery.connect-timeout=2s"));
    }

    public String payUrl() {
        return "http://127.0.0.1:" + payPort;
    }

    public String accountUrl() {
        return "http://127.0.0.1:" + accountPort;
    }

    /** account-service's notify URL, registered for bank1 at pay-service and the gateway. */
    public String notifyUrl() {
        return accountUrl() + "/notify/pay-result";
    }

    public String gatewayUrl() {
        return "http://127.0.0.1:" + gatewayPort;
    }

    /** The broker's NameServer, for a consumer of the drill's own. */
    public String nameServerAddress() {
        return broker.nameServerAddress();
    }

    public LocalDatabase database() {
        return database;
    }

    /** SIGKILLs MariaDB under the running services; {@link #startDatabase()} brings it back with its data. */
    public void killDatabase() {
        database.kill();
    }

    /** Starts MariaDB again on the same port and data dir, as a supervisor would after a crash. */
    public void startDatabase() {
        LocalDatabase.requireOutsideTempDir(database.dataDir());
        database = LocalDatabase.start(workDir.resolve("mariadb-base"), workDir.resolve("mariadb-data"),
                database.port());
    }

    private JavaProcess startService(String name, int port, String schema, List<String> extra) {
        return awaitUp(launch(name, port, schema, extra), () -> launch(name, port, schema, extra), port);
    }

    private JavaProcess launch(String name, int port, String schema, List<String> extra) {
        List<String> args = new ArrayList<>(List.of("--spring.profiles.active=local", "--server.port=" + port,
                "--spring.datasource.url=" + database.jdbcUrl(schema),
                "--rocketmq.name-server=" + broker.nameServerAddress(),
                "--logging.level.org.besteffort=WARN"));
        args.addAll(extra);
        return JavaProcess.start(root.resolve(name + "/target/" + name + ".jar"), LocalStackLayout.SERVICE_JVM_ARGS,
                args, workDir.resolve(name + ".log"), workDir.resolve(name + ".pid"));
    }

    /**
     * Waits until the service answers, and starts it once more if it exits first, as a supervisor would: on a loaded
     * machine the RocketMQ client's first request to the NameServer can time out, and the service does not start.
     */
    private JavaProcess awaitUp(JavaProcess process, Supplier<JavaProcess> relaunch, int port) {
        URI health = URI.create("http://127.0.0.1:" + port + "/actuator/health");
        try {
            process.awaitHttpOk(health, START_TIMEOUT);
            return process;
        } catch (ProcessStartFailed e) {
            log.warn("{} did not start ({}); starting it once more", process.name(),
                    e.getMessage().lines().findFirst().orElse(""));
            process.stop();
            keepLog(process.name(), "failed-start");
            JavaProcess again = relaunch.get();
            again.awaitHttpOk(health, START_TIMEOUT);
            return again;
        }
    }

    /** Keeps a log the next start of the service would overwrite, as {@code <service>-<why>.log}. */
    private void keepLog(String service, String why) {
        try {
            Files.move(workDir.resolve(service + ".log"), workDir.resolve(service + "-" + why + ".log"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            log.warn("could not keep the log of {}: {}", service, e.toString());
        }
    }

    /** The pids of the stack's processes by name, for measuring their footprint. */
    public Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>(Map.of("broker", broker.pid(), "pay-service", payService.pid(),
                "account-service", accountService.pid()));
        if (gateway != null) {
            pids.put("notify-gateway", gateway.pid());
        }
        LocalDatabase.pid(database.dataDir()).ifPresent(pid -> pids.put("mariadb", pid));
        return pids;
    }

    /**
     * The fraction of notifications lost and sent twice, of message deliveries failed, and of the gateway's notifies
     * answered 503, from the start.
     */
    public record Faults(double dropFraction, double duplicateFraction, double failFraction,
                         double notifyFailFraction) {

        public static final Faults NONE = new Faults(0, 0, 0, 0);
    }

    @Override
    public void close() {
        for (JavaProcess service : new JavaProcess[] {gateway, accountService, payService}) {
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

package org.besteffort.local.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;

import org.besteffort.common.NotifyChannel;
import org.besteffort.local.infra.BrokerProcess;
import org.besteffort.local.infra.Directories;
import org.besteffort.local.infra.FreePorts;
import org.besteffort.local.infra.JavaProcess;
import org.besteffort.local.infra.LocalDatabase;
import org.besteffort.local.infra.LocalStackLayout;
import org.besteffort.local.infra.ProcessStartFailed;
import org.besteffort.local.infra.SchemaMigrations;

/**
 * Runs the whole pattern on this machine: RocketMQ broker, MariaDB, pay-service, account-service and the notify gateway,
 * until Ctrl-C.
 *
 * <p>Run by {@code ./mvnw -Plocal package}; {@code -Dlocal.reset=true} starts from an empty database and broker, and
 * {@code -Dlocal.services=false} starts only the infrastructure. State lives in {@code .local-stack/}: the database
 * and the broker store survive restarts, and a run that was killed is cleaned up by the next one.
 *
 * <p>This is a console program: it talks to its user on standard output. Libraries log to
 * {@code .local-stack/logs/local-stack.log}.
 */
public final class LocalStack {

    // Deliberately no static logger: logging must not initialise before main has pointed it at .local-stack/logs.

    private static final Duration SERVICE_READY_TIMEOUT = Duration.ofSeconds(120);

    /** The one address the stack's processes listen on and talk to each other over. */
    private static final String LOOPBACK = "127.0.0.1";

    private final StackOptions options;

    private final LocalStackLayout layout;

    private final PrintStream out = System.out;

    private final Object lock = new Object();

    private boolean stopping;

    private BrokerProcess broker;

    private LocalDatabase database;

    private final Map<ServiceSpec, JavaProcess> services = new LinkedHashMap<>();

    private LocalStack(StackOptions options) {
        this.options = options;
        this.layout = new LocalStackLayout(options.repository());
    }

    public static void main(String[] args) throws InterruptedException, IOException {
        // The launcher's JVM is given a java.io.tmpdir inside .local-stack (see pom.xml); it must exist before use.
        Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        StackOptions options = StackOptions.parse(args);
        Path logDir = new LocalStackLayout(options.repository()).logDir();
        // Read by logback.xml on first use, which must come after this line.
        System.setProperty("localStack.logDir", logDir.toString());
        new LocalStack(options).run();
    }

    private void run() throws InterruptedException {
        long started = System.nanoTime();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "local-stack-shutdown"));
        out.printf("Local stack in %s (Ctrl-C stops everything)%n", relative(layout.stateDir()));
        try {
            requireServiceJars();
            cleanUpAfterKilledRun();
            if (options.reset()) {
                reset();
            }
            requireFreePorts();
            startInfrastructure();
            if (options.services()) {
                ServiceSpec.ALL.forEach(this::startService);
            }
        } catch (RuntimeException e) {
            if (isStopping()) {
                // Ctrl-C during startup: the shutdown hook is already stopping what had started.
                return;
            }
            reportFailure(e);
            // The shutdown hook stops whatever had started.
            System.exit(1);
        }
        printReady(started);
        watchForUnexpectedExits();
        if (options.footprint()) {
            new StackFootprint(out, options.repository()).measure(pids());
            // The shutdown hook stops everything.
            System.exit(0);
        }
        // Until Ctrl-C: the shutdown hook does the stopping.
        new CountDownLatch(1).await();
    }

    private void requireServiceJars() {
        if (!options.services()) {
            return;
        }
        for (ServiceSpec service : ServiceSpec.ALL) {
            Path jar = serviceJar(service);
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(relative(jar) + " not found. Build and run from the repository root with"
                        + " ./mvnw -Plocal package (it builds the jars first).");
            }
        }
    }

    /** A run killed with SIGKILL (or a crashed terminal) leaves its children running: stop them before anything else. */
    private void cleanUpAfterKilledRun() {
        List<String> stopped = new ArrayList<>();
        for (ServiceSpec service : ServiceSpec.STOP_ORDER) {
            JavaProcess.stopStale(layout.servicePidFile(service.name()), service.name() + ".jar")
                    .ifPresent(pid -> stopped.add(service.name() + " (pid " + pid + ")"));
        }
        BrokerProcess.stopStale(layout.brokerDir()).ifPresent(pid -> stopped.add("broker (pid " + pid + ")"));
        LocalDatabase.stopStale(layout.databaseDataDir(), LocalStackLayout.DATABASE_PORT)
                .ifPresent(pid -> stopped.add("MariaDB (pid " + pid + ")"));
        if (!stopped.isEmpty()) {
            out.printf("  stopped what an earlier run left running: %s%n", String.join(", ", stopped));
        }
    }

    private void reset() {
        Directories.delete(layout.databaseDataDir());
        Directories.delete(layout.databaseDataDir().resolveSibling(layout.databaseDataDir().getFileName() + "-tmp"));
        Directories.delete(layout.brokerDir());
        out.println("  reset: deleted the database and the broker store");
    }

    private void requireFreePorts() {
        Map<Integer, String> ports = new LinkedHashMap<>();
        ports.put(LocalStackLayout.NAME_SERVER_PORT, "NameServer");
        ports.put(LocalStackLayout.BROKER_PORT - 2, "broker");
        ports.put(LocalStackLayout.BROKER_PORT, "broker");
        ports.put(LocalStackLayout.DATABASE_PORT, "MariaDB");
        if (options.services()) {
            ServiceSpec.ALL.forEach(service -> ports.put(service.port(), service.name()));
        }
        ports.forEach((port, user) -> {
            if (!FreePorts.isFree(port)) {
                throw new IllegalStateException("Port " + port + " (for the " + user + ") is in use. Is another local"
                        + " stack, docker compose or a service in your IDE running? `ss -ltnp 'sport = :" + port
                        + "'` shows the process.");
            }
        });
    }

    /** The broker is a separate JVM: let it boot while this one starts MariaDB. */
    private void startInfrastructure() {
        BrokerProcess.Settings settings = new BrokerProcess.Settings(layout.brokerDir(),
                LocalStackLayout.NAME_SERVER_PORT, LocalStackLayout.BROKER_PORT, BrokerProcess.DEFAULT_DELAY_LEVELS,
                List.of(NotifyChannel.TOPIC), NotifyChannel.CONSUMER_GROUPS, LocalStackLayout.LOCAL_BROKER_HEAP);
        long brokerStarted = System.nanoTime();
        CompletableFuture<BrokerProcess> brokerStart = CompletableFuture.supplyAsync(() -> BrokerProcess.start(settings));

        long databaseStarted = System.nanoTime();
        // Should MariaDB fail, the broker JVM exits by itself when this JVM exits and closes its standard input.
        LocalDatabase db = LocalDatabase.start(layout.databaseBaseDir(), layout.databaseDataDir(),
                LocalStackLayout.DATABASE_PORT, LocalStackLayout.LOCAL_DATABASE_OPTIONS);
        register(() -> database = db, db::close);
        // Only the empty schemas, as a DBA would make them: each service migrates its own at start (Flyway, sql/).
        SchemaMigrations.createAll(db, options.repository().resolve("sql"));
        line("MariaDB", databaseStarted, "127.0.0.1:" + LocalStackLayout.DATABASE_PORT + ", schemas "
                + String.join(", ", SchemaMigrations.schemas(options.repository().resolve("sql")))
                + " (each service migrates its own at start)");

        BrokerProcess started;
        try {
            started = brokerStart.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        register(() -> broker = started, started::close);
        line("broker", brokerStarted, "NameServer " + started.nameServerAddress());
    }

    private void startService(ServiceSpec service) {
        long started = System.nanoTime();
        List<String> args = new ArrayList<>(List.of(
                "--spring.profiles.active=local",
                // Like the broker and MariaDB: reachable from this machine only, not from its network.
                "--server.address=" + LOOPBACK,
                "--server.port=" + service.port()));
        if (service.schema() != null) {
            args.add("--spring.datasource.url=" + database.jdbcUrl(service.schema()));
            args.add("--rocketmq.name-server=" + broker.nameServerAddress());
        }
        args.addAll(service.extraArgs());
        JavaProcess process = JavaProcess.start(serviceJar(service), LocalStackLayout.LOCAL_SERVICE_JVM_ARGS, args,
                layout.logDir().resolve(service.name() + ".log"), layout.servicePidFile(service.name()));
        register(() -> services.put(service, process), process::stop);
        process.awaitHttpOk(URI.create(service.url() + "/actuator/health"), SERVICE_READY_TIMEOUT);
        line(service.name(), started, service.url());
    }

    private void printReady(long started) {
        out.printf("%nReady in %s. Everything listens on %s only.%n%n", seconds(started), LOOPBACK);
        if (options.services()) {
            out.printf("Watch every pay travel, break it, operate the notifications: the console at %s%n%n",
                    ServiceSpec.CONSOLE.url());
            out.println("Try the APIs (OpenAPI + Swagger UI):");
            for (ServiceSpec service : List.of(ServiceSpec.PAY, ServiceSpec.ACCOUNT, ServiceSpec.GATEWAY)) {
                out.printf("  %-16s %s/swagger-ui.html%n", service.name(), service.url());
            }
            out.println();
        }
        out.println("Logs:");
        if (options.services()) {
            for (ServiceSpec service : ServiceSpec.ALL) {
                Path log = layout.logDir().resolve(service.name() + ".log");
                out.printf("  %-16s %s%n", service.name(), relative(log));
            }
        }
        out.printf("  %-16s %s%n", "broker", relative(broker.brokerLog()));
        out.printf("  %-16s %s%n", "launcher", relative(layout.logDir().resolve("local-stack.log")));
        out.println();
        if (options.services()) {
            out.println(walkthrough());
        } else {
            out.printf("Services not started. Run them from your IDE with --spring.profiles.active=local and%n"
                            + "  --spring.datasource.url=%s (pay-service; bank1 for account-service, bank1_notify for"
                            + " notify-gateway)%n"
                            + "  --rocketmq.name-server=%s%n%n",
                    database.jdbcUrl(ServiceSpec.PAY.schema()), broker.nameServerAddress());
        }
        out.println("Press Ctrl-C to stop everything.");
    }

    /** Every process the stack started, by name, in start order. */
    private Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put("broker", broker.pid());
        LocalDatabase.pid(layout.databaseDataDir()).ifPresent(pid -> pids.put("MariaDB", pid));
        services.forEach((service, process) -> pids.put(service.name(), process.pid()));
        return pids;
    }

    /** A child that dies while the stack runs is reported at once, with the end of its log. */
    private void watchForUnexpectedExits() {
        services.forEach((service, process) -> process.onExit()
                .thenAccept(code -> reportUnexpectedExit(service.name(), code, process.logFile(), process.logTail())));
        broker.onExit().thenAccept(code -> reportUnexpectedExit("broker", code, broker.logFile(), ""));
    }

    private void reportUnexpectedExit(String name, int code, Path log, String tail) {
        if (isStopping()) {
            return;
        }
        out.printf("%n%s exited unexpectedly (exit code %d); the rest keeps running. Its log: %s%n%s%n",
                name, code, relative(log), tail);
    }

    private void reportFailure(RuntimeException e) {
        out.println();
        out.println("Local stack failed to start: " + e.getMessage());
        if (!(e instanceof ProcessStartFailed) && e.getCause() != null) {
            out.println("Details in " + relative(layout.logDir().resolve("local-stack.log")));
        }
    }

    /**
     * Stops the notify gateway, account-service, pay-service, the broker and MariaDB, in that order: clients before what
     * they use. On Ctrl-C the terminal has already sent SIGINT to the service and broker JVMs too; this waits for each
     * to finish.
     */
    private void stopAll() {
        List<Runnable> stops = new ArrayList<>();
        synchronized (lock) {
            stopping = true;
            for (ServiceSpec service : ServiceSpec.STOP_ORDER) {
                JavaProcess process = services.get(service);
                if (process != null) {
                    stops.add(named(service.name(), process::stop));
                }
            }
            if (broker != null) {
                stops.add(named("broker", broker::close));
            }
            if (database != null) {
                stops.add(named("MariaDB", database::close));
            }
        }
        if (stops.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        out.printf("%nStopping:");
        stops.forEach(Runnable::run);
        out.printf(" done in %s.%n", seconds(started));
    }

    private Runnable named(String name, Runnable stop) {
        return () -> {
            out.print(" " + name);
            out.flush();
            stop.run();
        };
    }

    /**
     * Records something that has started, unless the stack is already stopping (Ctrl-C during startup), in which case
     * it is stopped at once.
     */
    private void register(Runnable record, Runnable stop) {
        synchronized (lock) {
            if (!stopping) {
                record.run();
                return;
            }
        }
        stop.run();
        throw new IllegalStateException("Interrupted: the local stack is stopping");
    }

    private boolean isStopping() {
        synchronized (lock) {
            return stopping;
        }
    }

    private void line(String name, long startedNanos, String detail) {
        out.printf("  %-16s ready in %6s   %s%n", name, seconds(startedNanos), detail);
    }

    private String walkthrough() {
        try (InputStream in = LocalStack.class.getResourceAsStream("/walkthrough.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            return "(walkthrough.txt is missing from the launcher's classpath)";
        }
    }

    private Path serviceJar(ServiceSpec service) {
        return options.repository().resolve(service.name() + "/target/" + service.name() + ".jar");
    }

    private String relative(Path path) {
        return Optional.of(path.toAbsolutePath().normalize())
                .filter(p -> p.startsWith(options.repository()))
                .map(p -> options.repository().relativize(p).toString())
                .orElse(path.toString());
    }

    private static String seconds(long startedNanos) {
        return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - startedNanos) / 1e9);
    }
}

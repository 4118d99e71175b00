package org.besteffort.local.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The services' schemas, as {@code sql/} holds them: one folder of Flyway migrations per schema, named after it
 * ({@code sql/bank1_pay/V1__….sql}). Each service applies its own folder when it starts (Spring Boot's Flyway, from the
 * copy packaged into its jar); the tests and the drills apply the same files here before they start anything, with the
 * services' settings, so that a service starting later finds its schema current.
 */
public final class SchemaMigrations {

    private static final Logger log = LoggerFactory.getLogger(SchemaMigrations.class);

    /**
     * A database that has tables but no Flyway history was made by the scripts before Flyway, whose tables are version
     * 1 of each folder: it is recorded as being at that version, and gets only the later ones. The same as the services'
     * {@code spring.flyway.baseline-version}.
     */
    public static final String BASELINE_VERSION = "1";

    private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z][a-z0-9_]*");

    private SchemaMigrations() {
    }

    /** The schemas of {@code sqlDir}: its folders that hold at least one {@code V*.sql} migration, by name. */
    public static List<String> schemas(Path sqlDir) {
        try (Stream<Path> entries = Files.list(sqlDir)) {
            List<String> schemas = entries.filter(Files::isDirectory).filter(SchemaMigrations::holdsMigrations)
                    .map(dir -> dir.getFileName().toString()).sorted().toList();
            if (schemas.isEmpty()) {
                throw new IllegalStateException("No folder of V*.sql migrations in " + sqlDir);
            }
            return schemas;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list " + sqlDir, e);
        }
    }

    /** Creates every schema of {@code sqlDir} that does not exist yet, empty; see {@link #create}. */
    public static void createAll(Database database, Path sqlDir) {
        schemas(sqlDir).forEach(schema -> create(database, schema));
    }

    /** Creates every schema of {@code sqlDir} that is missing and migrates each to its latest version. */
    public static void migrateAll(Database database, Path sqlDir) {
        for (String schema : schemas(sqlDir)) {
            migrate(database, sqlDir.resolve(schema), schema, null);
        }
    }

    /**
     * Creates an empty schema of a test's own, named {@code prefix} and a random suffix, and returns its name: the
     * service under test migrates it, and no other test's rows are in it.
     */
    public static String createScratch(Database database, String prefix) {
        String schema = prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
        create(database, schema);
        return schema;
    }

    /**
     * Creates {@code schema} when it is missing, with the character set every table relies on (utf8mb4, Chinese names
     * included): what a DBA does before a service's first start.
     */
    public static void create(Database database, String schema) {
        if (!SCHEMA_NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("Not a schema name: " + schema);
        }
        try (Connection connection = database.connect(""); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS " + schema
                    + " DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create schema " + schema + ": " + e.getMessage(), e);
        }
    }

    /**
     * Creates {@code schema} when it is missing and applies the migrations of {@code migrationsDir} to it, up to
     * {@code targetVersion} ({@code null}: the latest), as the services do at start.
     */
    public static MigrateResult migrate(Database database, Path migrationsDir, String schema, String targetVersion) {
        create(database, schema);
        var configuration = Flyway.configure()
                .dataSource(database.jdbcUrl(schema), Database.USER, Database.PASSWORD)
                .locations("filesystem:" + migrationsDir.toAbsolutePath())
                .baselineOnMigrate(true)
                .baselineVersion(BASELINE_VERSION);
        if (targetVersion != null) {
            configuration.target(targetVersion);
        }
        MigrateResult result = configuration.load().migrate();
        log.info("Schema {} at version {} ({} migrations applied now)", schema, result.targetSchemaVersion != null
                ? result.targetSchemaVersion : result.initialSchemaVersion, result.migrationsExecuted);
        return result;
    }

    private static boolean holdsMigrations(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(file -> file.getFileName().toString().matches("V\\d+__.+\\.sql"));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list " + dir, e);
        }
    }
}

package org.besteffort.local.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Splits a SQL script into statements the way the project's scripts are written: one statement ends with {@code ;} at
 * the end of a line.
 *
 * <p>Full-line comments ({@code --}, {@code #}) are dropped, so a {@code ;} inside one ends nothing; a {@code -- note}
 * after the closing {@code ;} is allowed. Not supported: {@code DELIMITER}, and {@code ;} at the end of a line inside
 * a multi-line string or block comment.
 */
final class SqlScript {

    private static final Logger log = LoggerFactory.getLogger(SqlScript.class);

    private static final Pattern STATEMENT_END = Pattern.compile(";\\s*(--(\\s.*)?)?$");

    private SqlScript() {
    }

    /** Runs every {@code *.sql} file in {@code sqlDir} in file-name order; see {@link Database#runScripts}. */
    static void runAll(Path sqlDir, Connector connector) {
        List<Path> scripts;
        try (Stream<Path> files = Files.list(sqlDir)) {
            scripts = files.filter(file -> file.getFileName().toString().endsWith(".sql")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list SQL scripts in " + sqlDir, e);
        }
        if (scripts.isEmpty()) {
            throw new IllegalStateException("No *.sql files in " + sqlDir);
        }
        scripts.forEach(script -> run(script, connector));
    }

    /** Runs one script over one connection, statement by statement; the first failing statement stops it. */
    static void run(Path script, Connector connector) {
        List<String> statements;
        try {
            statements = statements(Files.readString(script, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + script, e);
        }
        try (Connection connection = connector.open();
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                try {
                    statement.execute(sql);
                } catch (SQLException e) {
                    throw new IllegalStateException(script.getFileName() + " failed at: " + sql + System.lineSeparator()
                            + e.getMessage(), e);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot connect to run " + script.getFileName() + ": " + e.getMessage(), e);
        }
        log.info("Ran {} ({} statements)", script.getFileName(), statements.size());
    }

    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.replace("\uFEFF", "").split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--") || trimmed.startsWith("#")) {
                continue;
            }
            var end = STATEMENT_END.matcher(line);
            if (end.find()) {
                current.append(line, 0, end.start());
                addIfNotBlank(statements, current);
                current.setLength(0);
            } else {
                current.append(line).append('\n');
            }
        }
        addIfNotBlank(statements, current);
        return statements;
    }

    private static void addIfNotBlank(List<String> statements, StringBuilder statement) {
        String text = statement.toString().strip();
        if (!text.isEmpty()) {
            statements.add(text);
        }
    }

    /** Opens a connection without a default schema: each script's own {@code USE} decides where its tables go. */
    @FunctionalInterface
    interface Connector {
        Connection open() throws SQLException;
    }
}

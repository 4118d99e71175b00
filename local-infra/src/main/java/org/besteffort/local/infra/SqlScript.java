package org.besteffort.local.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a SQL script into statements the way the project's scripts are written: one statement ends with {@code ;} at
 * the end of a line.
 *
 * <p>Full-line comments ({@code --}, {@code #}) are dropped, so a {@code ;} inside one ends nothing; a {@code -- note}
 * after the closing {@code ;} is allowed. Not supported: {@code DELIMITER}, and {@code ;} at the end of a line inside
 * a multi-line string or block comment.
 */
final class SqlScript {

    private static final Pattern STATEMENT_END = Pattern.compile(";\\s*(--(\\s.*)?)?$");

    private SqlScript() {
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
}

package org.besteffort.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The line account-service's PayResultApplier logs for every pay result it handles, read back from an instance's log:
 * {@code pay <txNo> via MESSAGE|RECONCILIATION|STATEMENT: CREDITED|ALREADY_APPLIED|PAY_FAILED|PARKED}.
 *
 * @param at when it was logged, just after the applier's transaction ended
 */
record AppliedLine(Instant at, String txNo, String path, String outcome) {

    private static final Pattern LINE = Pattern.compile("^(\\S+)\\s.*\\bpay (\\S+) via (\\w+): (\\w+)\\s*$");

    static List<AppliedLine> readAll(Path log) {
        try {
            // Lenient decoding: the log of a killed instance may end in the middle of a character.
            return new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines()
                    .map(AppliedLine::parse).flatMap(Optional::stream).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Optional<AppliedLine> parse(String line) {
        Matcher matcher = LINE.matcher(line);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new AppliedLine(OffsetDateTime.parse(matcher.group(1)).toInstant(), matcher.group(2),
                    matcher.group(3), matcher.group(4)));
        } catch (DateTimeParseException notALogLine) {
            return Optional.empty();
        }
    }

    boolean is(String path, String outcome) {
        return this.path.equals(path) && this.outcome.equals(outcome);
    }
}

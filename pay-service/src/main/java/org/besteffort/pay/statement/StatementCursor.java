package org.besteffort.pay.statement;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * A position in the statement: after the pay with this (updated time, txNo). Opaque to clients.
 */
record StatementCursor(Instant updatedAt, String txNo) {

    /** Before the first pay. */
    static final StatementCursor START = new StatementCursor(Instant.EPOCH, "");

    static StatementCursor of(StatementLine line) {
        return new StatementCursor(line.updatedAt(), line.txNo());
    }

    /**
     * @throws IllegalArgumentException if the text is not a cursor this service issued
     */
    static StatementCursor parse(String text) {
        if (text == null || text.isBlank()) {
            return START;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            int separator = decoded.indexOf(':');
            return new StatementCursor(Instant.ofEpochMilli(Long.parseLong(decoded.substring(0, separator))),
                    decoded.substring(separator + 1));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a statement cursor: " + text);
        }
    }

    String format() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((updatedAt.toEpochMilli() + ":" + txNo).getBytes(StandardCharsets.UTF_8));
    }
}

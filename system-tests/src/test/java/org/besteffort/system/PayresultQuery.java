package org.besteffort.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One {@code GET /payresult/{txNo}} as pay-service's Tomcat access log records it, with the moments Tomcat began and
 * finished it; written with {@link #PATTERN}.
 */
record PayresultQuery(String txNo, long beganMillis, long endedMillis, int status) {

    /** Tomcat access log pattern: begin and end in epoch milliseconds, method, path, status. */
    static final String PATTERN = "%{begin:msec}t %{end:msec}t %m %U %s";

    private static final String PREFIX = "/payresult/";

    static List<PayresultQuery> readAll(Path accessLog) {
        try {
            return Files.readAllLines(accessLog).stream().map(PayresultQuery::parse).flatMap(Optional::stream).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Optional<PayresultQuery> parse(String line) {
        String[] fields = line.strip().split(" ");
        if (fields.length != 5 || !fields[2].equals("GET") || !fields[3].startsWith(PREFIX)) {
            return Optional.empty();
        }
        return Optional.of(new PayresultQuery(fields[3].substring(PREFIX.length()), Long.parseLong(fields[0]),
                Long.parseLong(fields[1]), Integer.parseInt(fields[4])));
    }

    /** Whether the two were in pay-service at the same time. */
    boolean overlaps(PayresultQuery other) {
        return beganMillis < other.endedMillis && other.beganMillis < endedMillis;
    }
}

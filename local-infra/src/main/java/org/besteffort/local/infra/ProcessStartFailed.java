package org.besteffort.local.infra;

import java.nio.file.Path;

/**
 * A child process died or timed out before it was ready; the message carries the tail of its log.
 */
public class ProcessStartFailed extends RuntimeException {

    private final Path logFile;

    public ProcessStartFailed(String reason, Path logFile, String logTail) {
        super(reason + System.lineSeparator()
                + "--- last lines of " + logFile + " ---" + System.lineSeparator()
                + logTail);
        this.logFile = logFile;
    }

    public Path logFile() {
        return logFile;
    }
}

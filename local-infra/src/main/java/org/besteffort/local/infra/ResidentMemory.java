package org.besteffort.local.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory of a process, from {@code /proc/<pid>/status} (Linux). */
public final class ResidentMemory {

    private ResidentMemory() {
    }

    /** VmRSS of the process in MiB; -1 if it cannot be read (gone, or not Linux). */
    public static long mebibytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}

package org.besteffort.drills.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Resident memory of the stack's processes, from {@code /proc/<pid>/status} (Linux).
 */
final class Footprint {

    private Footprint() {
    }

    /** RSS in MiB by process name; the database's pid comes from the pid file MariaDB keeps in its data dir. */
    static Map<String, Long> residentMiB(Map<String, Long> pids, Path databaseDataDir) throws IOException {
        Map<String, Long> rss = new LinkedHashMap<>();
        pids.forEach((name, pid) -> rss.put(name, rssMiB(pid)));
        try (Stream<Path> files = Files.list(databaseDataDir)) {
            for (Path pidFile : files.filter(f -> f.toString().endsWith(".pid")).toList()) {
                rss.put("mariadb", rssMiB(Long.parseLong(Files.readString(pidFile).trim())));
            }
        }
        return rss;
    }

    private static long rssMiB(long pid) {
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

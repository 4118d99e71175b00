package org.besteffort.drills.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Resident memory and CPU time of the stack's processes, from {@code /proc/<pid>/status} and {@code /proc/<pid>/stat}
 * (Linux).
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

    /** The stack's processes (broker, services, database) and this JVM (the load), by name. */
    static Map<String, Long> pids(Map<String, Long> stack, Path databaseDataDir) throws IOException {
        Map<String, Long> pids = new LinkedHashMap<>(stack);
        try (Stream<Path> files = Files.list(databaseDataDir)) {
            for (Path pidFile : files.filter(f -> f.toString().endsWith(".pid")).toList()) {
                pids.put("mariadb", Long.parseLong(Files.readString(pidFile).trim()));
            }
        }
        pids.put("load generator", ProcessHandle.current().pid());
        return pids;
    }

    /** CPU seconds (user + system) each process has used so far. */
    static Map<String, Double> cpuSeconds(Map<String, Long> pids) {
        Map<String, Double> cpu = new LinkedHashMap<>();
        pids.forEach((name, pid) -> cpu.put(name, cpuSeconds(pid)));
        return cpu;
    }

    private static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // Fields after the command name, which is in parentheses and may contain spaces.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks / 100.0; // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException e) {
            return -1;
        }
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

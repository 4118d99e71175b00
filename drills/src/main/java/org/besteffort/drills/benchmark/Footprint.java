package org.besteffort.drills.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.besteffort.local.infra.ResidentMemory;

/**
 * Resident memory and CPU time of the stack's processes, from {@code /proc/<pid>/status} and {@code /proc/<pid>/stat}
 * (Linux).
 */
public final class Footprint {

    private Footprint() {
    }

    /** RSS in MiB by process name. */
    public static Map<String, Long> residentMiB(Map<String, Long> pids) {
        Map<String, Long> rss = new LinkedHashMap<>();
        pids.forEach((name, pid) -> rss.put(name, rssMiB(pid)));
        return rss;
    }

    /** The stack's processes and this JVM (the load), by name. */
    public static Map<String, Long> withLoadGenerator(Map<String, Long> stack) {
        Map<String, Long> pids = new LinkedHashMap<>(stack);
        pids.put("load generator", ProcessHandle.current().pid());
        return pids;
    }

    /** Starts measuring the CPU each process uses from now on. */
    public static Cpu cpuFrom(Map<String, Long> pids) {
        return new Cpu(pids, cpuSeconds(pids), System.nanoTime());
    }

    /** CPU use since a start, per process. */
    public record Cpu(Map<String, Long> pids, Map<String, Double> secondsAtStart, long startedNanos) {

        /** Cores each process used on average since the start (1.0 = one core all the time). */
        public Map<String, Double> cores() {
            double elapsed = (System.nanoTime() - startedNanos) / 1e9;
            Map<String, Double> cores = new LinkedHashMap<>();
            cpuSeconds(pids).forEach((name, seconds) ->
                    cores.put(name, (seconds - secondsAtStart.get(name)) / elapsed));
            return cores;
        }
    }

    /** CPU seconds (user + system) each process has used so far. */
    private static Map<String, Double> cpuSeconds(Map<String, Long> pids) {
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

    /** RSS of one process in MiB; -1 if it cannot be read (the process is gone). */
    public static long rssMiB(long pid) {
        return ResidentMemory.mebibytes(pid);
    }
}

package org.besteffort.local.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.besteffort.local.infra.HttpFile;
import org.besteffort.local.infra.LocalStackLayout;
import org.besteffort.local.infra.ResidentMemory;

/**
 * {@code ./mvnw -Plocal package -Dlocal.footprint=true}: the run command as a user runs it, measured. Once the stack is
 * up it sends the walkthrough's requests (the {@code http/*.http} files), lets the stack settle, then prints the
 * resident memory of every process the command keeps running: the Maven JVM that launched it, this launcher, the broker,
 * MariaDB and each service. Each process is its own row, so a process added later shows its own cost. Then it stops
 * the stack.
 */
final class StackFootprint {

    /**
     * Long enough for the recharges to settle and for Maven's JVM, idle since it launched this one, to have run its
     * periodic collection and returned its free heap ({@code .mvn/jvm.config}).
     */
    static final Duration SETTLE = Duration.ofSeconds(20);

    private final PrintStream out;
    private final Path repository;

    StackFootprint(PrintStream out, Path repository) {
        this.out = out;
        this.repository = repository;
    }

    /** Sends the walkthrough, waits {@link #SETTLE}, and prints the footprint of {@code processes} and their launchers. */
    void measure(Map<String, Long> processes) throws InterruptedException {
        out.printf("%nFootprint: sending the walkthrough's requests (http/*.http)%n");
        for (String file : List.of("pay-service.http", "account-service.http", "notify-gateway.http")) {
            HttpFile.Outcome outcome = HttpFile.read(repository.resolve("http").resolve(file)).run();
            out.printf("  %-22s %d requests, %d answered otherwise than expected%n", file, outcome.requests(),
                    outcome.unexpected().size());
            outcome.unexpected().forEach(line -> out.println("    " + line));
        }
        out.printf("  waiting %d s for the stack to settle%n", SETTLE.toSeconds());
        Thread.sleep(SETTLE.toMillis());

        Map<String, Long> pids = new LinkedHashMap<>();
        maven().ifPresent(pid -> pids.put("maven (the run command)", pid));
        pids.put("launcher", ProcessHandle.current().pid());
        pids.putAll(processes);
        Map<String, Long> resident = new LinkedHashMap<>();
        pids.forEach((name, pid) -> resident.put(name, ResidentMemory.mebibytes(pid)));
        long total = resident.values().stream().filter(mib -> mib > 0).mapToLong(Long::longValue).sum();

        out.printf("%nResident memory (VmRSS), MiB:%n");
        resident.forEach((name, mib) -> out.printf("  %-26s %6s%n", name, mib < 0 ? "?" : Long.toString(mib)));
        out.printf("  %-26s %6d%n", "total", total);
        write(resident, total);
    }

    /** The JVM that started this one, when it is Maven's (the run command), not an IDE or a shell. */
    private static Optional<Long> maven() {
        return ProcessHandle.current().parent()
                .filter(parent -> parent.info().commandLine().orElse("").contains("plexus-classworlds"))
                .map(ProcessHandle::pid);
    }

    /** The same figures as JSON in {@code .local-stack/footprint.json}, for comparing runs. */
    private void write(Map<String, Long> resident, long total) {
        String rows = resident.entrySet().stream()
                .map(row -> "    \"%s\": %d".formatted(row.getKey(), row.getValue()))
                .collect(Collectors.joining(",\n"));
        String json = "{\n  \"residentMiB\": {\n" + rows + "\n  },\n  \"totalMiB\": " + total + "\n}\n";
        Path file = new LocalStackLayout(repository).stateDir().resolve("footprint.json");
        try {
            Files.writeString(file, json);
            out.printf("  (also in %s)%n", repository.relativize(file));
        } catch (IOException e) {
            out.printf("  could not write %s: %s%n", file, e.getMessage());
        }
    }
}

package org.besteffort.drills.benchmark;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * {@code -Dbench.profile=true}: a Java Flight Recording of each service during the maximum phase (JDK's {@code profile}
 * settings, started and stopped with {@code jcmd}), then where its CPU samples fall: by library, counting a sample for
 * every library on its stack (inclusive), and the methods that were running (self).
 */
final class JfrProfile {

    /** Libraries by package prefix, in the order they are printed. */
    private static final Map<String, List<String>> LIBRARIES = libraries();

    private final Map<String, Long> pids;
    private final Path dir;

    private JfrProfile(Map<String, Long> pids, Path dir) {
        this.pids = pids;
        this.dir = dir;
    }

    /** Starts a recording in each of these JVMs, to be written into {@code dir}. */
    static JfrProfile start(Map<String, Long> pids, Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        JfrProfile profile = new JfrProfile(pids, dir);
        for (var process : pids.entrySet()) {
            jcmd(process.getValue(), "JFR.start", "name=benchmark", "settings=profile",
                    "filename=" + profile.file(process.getKey()));
        }
        return profile;
    }

    /** Stops the recordings (each JVM writes its file) and prints where the samples fall. */
    void stopAndReport(PrintStream out, int topMethods) throws IOException, InterruptedException {
        for (long pid : pids.values()) {
            jcmd(pid, "JFR.stop", "name=benchmark");
        }
        for (String name : pids.keySet()) {
            report(out, name, file(name), topMethods);
        }
    }

    private Path file(String name) {
        return dir.resolve(name + ".jfr");
    }

    private static void report(PrintStream out, String name, Path file, int topMethods) throws IOException {
        Map<String, Long> byLibrary = new LinkedHashMap<>();
        LIBRARIES.keySet().forEach(library -> byLibrary.put(library, 0L));
        Map<String, Long> byMethod = new TreeMap<>();
        long samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            samples++;
            RecordedFrame top = frames.get(0);
            byMethod.merge(top.getMethod().getType().getName() + "." + top.getMethod().getName(), 1L, Long::sum);
            for (var library : LIBRARIES.entrySet()) {
                boolean onStack = frames.stream().anyMatch(frame -> library.getValue().stream()
                        .anyMatch(prefix -> frame.getMethod().getType().getName().startsWith(prefix)));
                if (onStack) {
                    byLibrary.merge(library.getKey(), 1L, Long::sum);
                }
            }
        }
        out.printf("%n%s: %d CPU samples (%s)%n  on the stack of (inclusive):%n", name, samples, file.getFileName());
        long total = Math.max(1, samples);
        byLibrary.forEach((library, count) -> out.printf("    %-44s %5.1f %%%n", library, 100.0 * count / total));
        out.println("  running (self):");
        byMethod.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(topMethods)
                .forEach(method -> out.printf("    %5.1f %%  %s%n", 100.0 * method.getValue() / total, method.getKey()));
    }

    private static void jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid)));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", line) + " failed: " + output);
        }
    }

    private static Map<String, List<String>> libraries() {
        Map<String, List<String>> libraries = new LinkedHashMap<>();
        libraries.put("this project (org.besteffort)", List.of("org.besteffort."));
        libraries.put("Tomcat (HTTP server)", List.of("org.apache.catalina.", "org.apache.coyote.", "org.apache.tomcat."));
        libraries.put("Spring MVC", List.of("org.springframework.web."));
        libraries.put("Spring transactions and JDBC", List.of("org.springframework.transaction.",
                "org.springframework.jdbc."));
        libraries.put("MyBatis", List.of("org.apache.ibatis.", "org.mybatis."));
        libraries.put("HikariCP", List.of("com.zaxxer.hikari."));
        libraries.put("Connector/J (MySQL driver)", List.of("com.mysql."));
        libraries.put("RocketMQ client", List.of("org.apache.rocketmq."));
        libraries.put("Netty", List.of("io.netty."));
        libraries.put("JSON (fastjson2, Jackson)", List.of("com.alibaba.fastjson2.", "tools.jackson.",
                "com.fasterxml.jackson."));
        libraries.put("logging (Logback, SLF4J)", List.of("ch.qos.logback.", "org.slf4j."));
        libraries.put("Micrometer (metrics)", List.of("io.micrometer."));
        libraries.put("OpenFeign", List.of("feign.", "org.springframework.cloud.openfeign."));
        return libraries;
    }
}

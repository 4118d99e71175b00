package org.besteffort.system;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.besteffort.local.infra.JavaProcess;
import org.besteffort.local.infra.TestHttp;

/**
 * One instance of a service, run from its jar as a child process on a port of its own, with the local profile.
 */
final class ServiceInstance {

    /** Small heaps and a quick start: three services, the broker and the database share two cores here. */
    private static final List<String> JVM = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-Dfile.encoding=UTF-8");

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final String name;

    private final int port;

    private final JavaProcess process;

    private ServiceInstance(String name, int port, JavaProcess process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    /** Starts {@code jar} as {@code name} on {@code port} and waits until its {@code /actuator/health} answers 200. */
    static ServiceInstance start(String name, Path jar, int port, Path workDir, List<String> args) {
        List<String> all = new ArrayList<>(List.of("--spring.profiles.active=local", "--server.port=" + port));
        all.addAll(args);
        List<String> jvm = new ArrayList<>(JVM);
        // The RocketMQ client logs to ~/logs/rocketmqlogs: one home per instance keeps its log beside the instance's.
        jvm.add("-Duser.home=" + workDir.resolve(name));
        JavaProcess process = JavaProcess.start(jar, jvm, all, workDir.resolve(name + ".log"),
                workDir.resolve(name + ".pid"));
        ServiceInstance instance = new ServiceInstance(name, port, process);
        try {
            process.awaitHttpOk(URI.create(instance.url() + "/actuator/health"), READY_TIMEOUT);
        } catch (RuntimeException e) {
            process.kill();
            throw e;
        }
        return instance;
    }

    /** The address a service on {@code port} will have, for an instance that starts before it. */
    static String url(int port) {
        return "http://127.0.0.1:" + port;
    }

    String name() {
        return name;
    }

    String url() {
        return url(port);
    }

    TestHttp http() {
        return new TestHttp(url());
    }

    Path log() {
        return process.logFile();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: the instance disappears mid-flight, with deliveries and transactions open, as in a crash. */
    void kill() {
        process.kill();
    }
}

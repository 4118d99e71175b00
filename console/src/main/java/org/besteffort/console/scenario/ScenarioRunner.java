package org.besteffort.console.scenario;

import org.besteffort.console.ConsoleProperties;
import org.besteffort.console.live.LiveFeed;
import org.besteffort.drills.scenario.Scenarios;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs one of the drills' narrated scenarios against the stack the console watches, one at a time, and pushes each
 * line of its narration to the page as it is told.
 */
@Component
public class ScenarioRunner implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ScenarioRunner.class);

    private final ConsoleProperties properties;
    private final LiveFeed feed;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "scenario");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<String> running = new AtomicReference<>();

    ScenarioRunner(ConsoleProperties properties, LiveFeed feed) {
        this.properties = properties;
        this.feed = feed;
    }

    /** The scenarios by name and title, in the drills' order; none where the console may not run them. */
    public Map<String, String> titles() {
        return properties.scenarios() ? Scenarios.titles() : Map.of();
    }

    /** Starts it in the background; its narration and verdict arrive on the live feed as {@code scenario} events. */
    void start(String name) {
        if (!properties.scenarios()) {
            throw new ScenariosNotEnabled();
        }
        if (!Scenarios.titles().containsKey(name)) {
            throw new NoSuchScenario(name);
        }
        if (!running.compareAndSet(null, name)) {
            throw new ScenarioAlreadyRunning(running.get());
        }
        feed.publish("scenario", new ScenarioLine(name, "started", null));
        thread.execute(() -> run(name));
    }

    private void run(String name) {
        int exit = 1; // not as expected, unless the scenario says otherwise
        try (PrintStream narration = new PrintStream(new LineSplitter(line ->
                feed.publish("scenario", new ScenarioLine(name, line, null))), true, StandardCharsets.UTF_8)) {
            exit = Scenarios.run(new String[] {name, "--pay=" + properties.payService(),
                    "--account=" + properties.accountService(), "--gateway=" + properties.notifyGateway()},
                    narration);
        } catch (RuntimeException e) {
            log.warn("scenario {} stopped: {}", name, e.toString());
            feed.publish("scenario", new ScenarioLine(name, "stopped: " + e.getMessage(), null));
        } finally {
            running.set(null);
            feed.publish("scenario", new ScenarioLine(name, "finished", exit));
        }
    }

    @Override
    public void destroy() {
        thread.shutdownNow();
    }

    /**
     * One line of a scenario's narration.
     *
     * @param exit null while it runs; then 0 (as the course says), 1 (not as expected) or 2 (stack not running)
     */
    public record ScenarioLine(String scenario, String line, Integer exit) {
    }

    /** Turns what the scenario prints into whole lines. */
    private static final class LineSplitter extends OutputStream {

        private final Consumer<String> lines;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LineSplitter(Consumer<String> lines) {
            this.lines = lines;
        }

        @Override
        public void write(int b) {
            if (b == '\n') {
                flushLine();
            } else if (b != '\r') {
                line.write(b);
            }
        }

        @Override
        public void close() {
            if (line.size() > 0) {
                flushLine();
            }
        }

        private void flushLine() {
            lines.accept(line.toString(StandardCharsets.UTF_8));
            line.reset();
        }
    }
}

package org.besteffort.drills.scenario;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScenariosTests {

    @Test
    void runsOneScenarioAgainstTheLocalStackByDefault() {
        Scenarios.Options options = Scenarios.Options.parse("active-query");

        assertThat(options.scenarios()).extracting(Scenario::name).containsExactly("active-query");
        assertThat(options.pay()).isEqualTo(URI.create("http://localhost:8081"));
        assertThat(options.account()).isEqualTo(URI.create("http://localhost:8082"));
    }

    @Test
    void runsAllInCourseOrderAgainstTheServicesItIsPointedAt() {
        Scenarios.Options options = Scenarios.Options.parse("--pay=http://127.0.0.1:18081", "all",
                "--account=http://127.0.0.1:18082");

        assertThat(options.scenarios()).extracting(Scenario::name).containsExactly("message", "active-query",
                "replay", "lose-message", "fail-deliveries", "notifier-down");
        assertThat(options.pay()).isEqualTo(URI.create("http://127.0.0.1:18081"));
        assertThat(options.account()).isEqualTo(URI.create("http://127.0.0.1:18082"));
    }

    @Test
    void refusesWhatItCannotRun() {
        assertThatThrownBy(Scenarios.Options::parse).hasMessage("name a scenario, or all");
        assertThatThrownBy(() -> Scenarios.Options.parse("lost-message")).hasMessage("no scenario named lost-message");
        assertThatThrownBy(() -> Scenarios.Options.parse("all", "--verbose")).hasMessage("unknown option --verbose");
        assertThatThrownBy(() -> Scenarios.Options.parse("all", "--pay=localhost:8081"))
                .hasMessageStartingWith("--pay= needs a URL");
    }

    @Test
    void answersOneWithTheUsageForAnUnknownScenario() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        int exit = Scenarios.run(new String[] {"lost-message"}, new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(1);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("no scenario named lost-message", "usage:",
                "lose-message", "notifier-down");
    }

    @Test
    void answersTwoWithAHintWhenTheStackIsNotRunning() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        int exit = Scenarios.run(new String[] {"message", "--pay=http://127.0.0.1:" + closedPort,
                "--account=http://127.0.0.1:" + closedPort}, new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(2);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("pay-service is not running",
                "./mvnw -Plocal package");
    }

    @Test
    void wrapsAHeaderAtSpaces() {
        assertThat(Scenarios.wrap("one two three four", 9)).containsExactly("one two", "three", "four");
    }
}

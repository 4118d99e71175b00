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
        assertThat(options.pay()).isEqualTo(URI.create("http://127.0.0.1:8081"));
        assertThat(options.account()).isEqualTo(URI.create("http://127.0.0.1:8082"));
        assertThat(options.gateway()).isEqualTo(URI.create("http://127.0.0.1:8083"));
    }

    @Test
    void runsAllInCourseOrderAgainstTheServicesItIsPointedAt() {
        Scenarios.Options options = Scenarios.Options.parse("--pay=http://127.0.0.1:18081", "all",
                "--account=http://127.0.0.1:18082", "--gateway=http://127.0.0.1:18083");

        assertThat(options.scenarios()).extracting(Scenario::name).containsExactly("message", "active-query",
                "replay", "lose-message", "fail-deliveries", "notifier-down", "notify-first-try", "receiver-down",
                "renotify", "forged-notify");
        assertThat(options.pay()).isEqualTo(URI.create("http://127.0.0.1:18081"));
        assertThat(options.account()).isEqualTo(URI.create("http://127.0.0.1:18082"));
        assertThat(options.gateway()).isEqualTo(URI.create("http://127.0.0.1:18083"));
    }

    @Test
    void refusesWhatItCannotRun() {
        assertThatThrownBy(Scenarios.Options::parse).hasMessage("name a scenario, or all");
        assertThatThrownBy(() -> Scenarios.Options.parse("lost-message")).hasMessage("no scenario named lost-message");
        assertThatThrownBy(() -> Scenarios.Options.parse("all", "--verbose")).hasMessage("unknown option --verbose");
        assertThatThrownBy(() -> Scenarios.Options.parse("all", "--pay=localhost:8081"))
                .hasMessageStartingWith("--pay= needs a URL");
        assertThatThrownBy(() -> Scenarios.Options.parse("renotify", "--gateway=ftp://localhost:8083"))
                .hasMessageStartingWith("--gateway= needs a URL");
    }

    @Test
    void answersOneWithTheUsageForAnUnknownScenario() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        int exit = Scenarios.run(new String[] {"lost-message"}, new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(1);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("no scenario named lost-message", "usage:",
                "lose-message", "notifier-down", "receiver-down", "--gateway=http://127.0.0.1:8083");
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
    void answersTwoWhenTheServicesRunButTheGatewayDoesNot() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (FakeService services = FakeService.answering(200)) {
            ByteArrayOutputStream printed = new ByteArrayOutputStream();

            int exit = Scenarios.run(new String[] {"receiver-down", "--pay=" + services.url(),
                    "--account=" + services.url(), "--gateway=http://127.0.0.1:" + closedPort},
                    new PrintStream(printed, true, StandardCharsets.UTF_8));

            assertThat(exit).isEqualTo(2);
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains("notify-gateway is not running");
        }
    }

    @Test
    void answersTwoWhenTheGatewayKeepsItsOperatorApiClosed() throws IOException {
        try (FakeService services = FakeService.answering(200); FakeService gateway = FakeService.answering(401)) {
            ByteArrayOutputStream printed = new ByteArrayOutputStream();

            int exit = Scenarios.run(new String[] {"renotify", "--pay=" + services.url(),
                    "--account=" + services.url(), "--gateway=" + gateway.url()},
                    new PrintStream(printed, true, StandardCharsets.UTF_8));

            assertThat(exit).isEqualTo(2);
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains("refuses its operator API (401)",
                    "local profile");
        }
    }

    @Test
    void wrapsAHeaderAtSpaces() {
        assertThat(Scenarios.wrap("one two three four", 9)).containsExactly("one two", "three", "four");
    }
}

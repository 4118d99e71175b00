package org.besteffort.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.besteffort.common.NotifyChannel;
import org.besteffort.local.infra.RepositoryRoot;
import org.besteffort.system.ComposeFile.ComposeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docker-compose.yml and the Dockerfiles, checked against the services on every build, because no machine of this
 * project can run them. Each check is also shown failing on a file with one realistic mistake.
 */
class ComposeFileTests {

    static final Path ROOT = RepositoryRoot.find();

    final ComposeFile compose = ComposeFile.load(ROOT);

    final ComposeChecks checks = new ComposeChecks(compose);

    @TempDir
    Path tmp;

    @Test
    void runsTheDatabaseTheBrokerPayServiceTwoAccountServiceReplicasTheNotifyGatewayAndTheConsole() {
        assertThat(compose.running("mysql")).hasSize(1);
        assertThat(compose.running("apache/rocketmq")).hasSize(3);
        assertThat(compose.builtHere()).extracting(service -> service.module().orElseThrow())
                .containsExactlyInAnyOrder("pay-service", "account-service", "account-service", "notify-gateway",
                        "console");
        assertThat(checks.unknownKeys()).isEmpty();
    }

    @Test
    void publishesEachServiceOnThePortItListensOn() {
        assertThat(checks.portProblems()).isEmpty();
    }

    @Test
    void setsOnlyEnvironmentVariablesTheServicesRead() {
        assertThat(checks.environmentProblems()).isEmpty();
    }

    @Test
    void pointsEachServiceAtContainersThatListenThereAndStartFirst() {
        assertThat(checks.addressProblems()).isEmpty();
    }

    @Test
    void logsEachServiceInWithItsOwnUserAndSharesTheSigningKeyAndTheOperatorToken() {
        assertThat(checks.credentialProblems()).isEmpty();
    }

    @Test
    void registersTheSameNotifyUrlsInPayServiceAndTheGatewayNamingTheReceivers() {
        assertThat(checks.notifyUrlProblems()).isEmpty();
    }

    @Test
    void sendsTheCheckoutsBrowserToTheCashierAndBackToEachReplicaByPublishedPorts() {
        assertThat(checks.checkoutProblems()).isEmpty();
    }

    @Test
    void sendsTheConsolesBrowserToPortsTheRightServicesPublish() {
        assertThat(checks.linkProblems()).isEmpty();
    }

    @Test
    void runsTheConsolesScenariosOnlyWhereTheServicesHaveFaultSwitches() {
        assertThat(checks.scenarioProblems()).isEmpty();
    }

    @Test
    void mountsFilesThatExistAndCreatesEveryMigratedDatabase() {
        assertThat(checks.mountProblems()).isEmpty();
    }

    @Test
    void startsNothingBeforeWhatItNeedsIsHealthy() {
        assertThat(checks.dependencyProblems()).isEmpty();
    }

    @Test
    void buildsEachServiceFromADockerfileThatRunsAsNonRoot() {
        assertThat(checks.dockerfileProblems()).isEmpty();
    }

    @Test
    void copiesExactlyTheLayersOfTheServicesJars() {
        compose.builtHere().forEach(service -> assumeTrue(Files.isRegularFile(checks.jarOf(service)),
                () -> checks.jarOf(service) + " is not built (./mvnw package)"));

        assertThat(checks.layerProblems()).isEmpty();
    }

    @Test
    void createsTheTopicAndEveryGroupOnABrokerTheServicesCanResolve() {
        assertThat(checks.brokerProblems()).isEmpty();
    }

    @Test
    void runsTheSameMySqlAndRocketMqAsTheTests() {
        assertThat(checks.imageProblems()).isEmpty();
    }

    @Test
    void reportsAMisspelledEnvironmentVariable() {
        ComposeChecks broken = brokenBy("SPRING_DATASOURCE_USERNAME: pay_service", "SPRING_DATASOURCE_USER: pay_service");

        assertThat(broken.environmentProblems()).singleElement().asString()
                .startsWith("pay-service: SPRING_DATASOURCE_USER sets no property");
    }

    @Test
    void reportsAMisspelledMapKeyOrListVariable() {
        ComposeChecks broken = brokenBy("    EDGE_ACCESS_RECEIVERS_BANK1:", "    EDGE_ACCESS_RECEIVER_BANK1:");

        assertThat(broken.environmentProblems()).singleElement().asString()
                .startsWith("pay-service: EDGE_ACCESS_RECEIVER_BANK1 sets no property");
        assertThat(brokenBy("GATEWAY_RECEIVERS_BANK1_SECRETS_0:", "GATEWAY_RECEIVERS_BANK1_SECRET_0:")
                .environmentProblems()).singleElement().asString()
                .startsWith("notify-gateway: GATEWAY_RECEIVERS_BANK1_SECRET_0 sets no property");
    }

    @Test
    void acceptsANewMapKeyOnlyInTheFormSpringBootBinds() {
        // GATEWAY_PAY_SIGNING_KEYS_K1 binds because application.yml names k1; a key it does not name binds to the dashed
        // map gateway.pay-signing-keys only with the dashes removed.
        ComposeChecks dashed = brokenBy("GATEWAY_PAY_SIGNING_KEYS_K1:", "GATEWAY_PAY_SIGNING_KEYS_K2:");
        ComposeChecks dashesRemoved = brokenBy("GATEWAY_PAY_SIGNING_KEYS_K1:", "GATEWAY_PAYSIGNINGKEYS_K2:");

        assertThat(dashed.environmentProblems()).singleElement().asString()
                .startsWith("notify-gateway: GATEWAY_PAY_SIGNING_KEYS_K2 sets no property");
        assertThat(dashesRemoved.environmentProblems()).isEmpty();
        assertThat(dashesRemoved.credentialProblems()).singleElement().asString()
                .startsWith("notify-gateway: does not know pay-service's signing key k1");
    }

    @Test
    void reportsAContainerPortTheServiceDoesNotListenOn() {
        ComposeChecks broken = brokenBy("\"8084:8082\"", "\"8084:8080\"");

        assertThat(broken.portProblems()).containsExactly(
                "account-service-2: publishes container port 8080, but listens on 8082");
    }

    @Test
    void reportsAnAddressThatNamesNoService() {
        ComposeChecks broken = brokenBy("PAY_SERVICE_URL: http://pay-service:8081",
                "PAY_SERVICE_URL: http://payservice:8081");

        assertThat(broken.addressProblems()).hasSize(2).allSatisfy(problem ->
                assertThat(problem).contains("pay-service.url names host 'payservice'"));
    }

    @Test
    void reportsAConsoleAddressThatNamesNoServiceOrOneItDoesNotWaitFor() {
        ComposeChecks noService = brokenBy("CONSOLE_NOTIFY_GATEWAY: http://notify-gateway:8083",
                "CONSOLE_NOTIFY_GATEWAY: http://gateway:8083");
        // account-service-2 is a replica too, but the console starts without waiting for it.
        ComposeChecks notAwaited = brokenBy("CONSOLE_ACCOUNT_SERVICE: http://account-service-1:8082",
                "CONSOLE_ACCOUNT_SERVICE: http://account-service-2:8082");

        assertThat(noService.addressProblems()).containsExactly(
                "console: console.notify-gateway names host 'gateway', expected one of [notify-gateway]");
        assertThat(notAwaited.addressProblems()).containsExactly(
                "console: uses account-service-2 (console.account-service) but does not depend on it");
    }

    @Test
    void reportsAServiceThatCouldNotVerifyTheNotifiersSignature() {
        ComposeChecks broken = brokenBy("RECEIVER_SIGNING_KEYS_K1: ${NOTIFY_SIGNING_SECRET:-compose-dev-secret}",
                "RECEIVER_SIGNING_KEYS_K1: another-secret");

        assertThat(broken.credentialProblems()).hasSize(2).allSatisfy(problem ->
                assertThat(problem).contains("does not know pay-service's signing key k1"));
    }

    @Test
    void reportsAGatewayThatCouldNotVerifyTheNotifiersSignature() {
        // Its own variable: with the same laptop default, but anywhere else the two secrets differ.
        ComposeChecks broken = brokenBy("GATEWAY_PAY_SIGNING_KEYS_K1: ${NOTIFY_SIGNING_SECRET:-",
                "GATEWAY_PAY_SIGNING_KEYS_K1: ${GATEWAY_SIGNING_SECRET:-");

        assertThat(broken.credentialProblems()).containsExactly("notify-gateway: does not know pay-service's signing"
                + " key k1 with its secret: no pay result would become a task");
    }

    @Test
    void reportsAConsoleTokenTheServicesDoNotKnow() {
        // Its own variable: with another laptop default, and anywhere else a token the services never heard of.
        ComposeChecks broken = brokenBy("CONSOLE_OPERATOR_TOKEN: ${OPERATOR_TOKEN:-operator-dev-token}",
                "CONSOLE_OPERATOR_TOKEN: ${CONSOLE_OPERATOR_TOKEN:-console-dev-token}");

        assertThat(broken.credentialProblems()).hasSize(4).first().asString().isEqualTo("console:"
                + " console.operator-token '${CONSOLE_OPERATOR_TOKEN:-console-dev-token}' is none of pay-service's"
                + " edge.access.operators [operator]: it would refuse to show the console its journal and state");
    }

    @Test
    void reportsAReceiverKeyPayServiceDoesNotKnow() {
        ComposeChecks broken = brokenBy("PAY_SERVICE_API_KEY: ${BANK1_API_KEY:-bank1-dev-api-key}",
                "PAY_SERVICE_API_KEY: another-key");

        assertThat(broken.credentialProblems()).containsExactly(
                "account-service-1: pay-service.api-key 'another-key' is none of pay-service's edge.access.receivers"
                        + " [bank1]: its reconciliation would be refused",
                "account-service-2: pay-service.api-key 'another-key' is none of pay-service's edge.access.receivers"
                        + " [bank1]: its reconciliation would be refused");
    }

    @Test
    void reportsAConsoleNotifyUrlThatBank1DidNotRegister() {
        ComposeChecks broken = brokenBy("CONSOLE_NOTIFY_URL: http://account-service-1:8082/notify/pay-result",
                "CONSOLE_NOTIFY_URL: http://localhost:8082/notify/pay-result");

        assertThat(broken.notifyUrlProblems()).containsExactly(
                "console: console.notify-url http://localhost:8082/notify/pay-result is not one of bank1's notify URLs"
                        + " at pay-service: it would refuse the page's pays that ask for a notify",
                "console: console.notify-url http://localhost:8082/notify/pay-result is not one of bank1's notify URLs"
                        + " at notify-gateway: the page's pays that ask for a notify would never be notified");
    }

    @Test
    void reportsAConsoleLinkThatSendsTheBrowserToAContainer() {
        ComposeChecks unset = brokenBy("      CONSOLE_LINKS_NOTIFY_GATEWAY: http://localhost:8083\n", "");
        ComposeChecks wrongService = brokenBy("CONSOLE_LINKS_CHECKOUT: http://localhost:8082/checkout",
                "CONSOLE_LINKS_CHECKOUT: http://localhost:8081/checkout");

        assertThat(unset.linkProblems()).containsExactly("console: console.links.notify-gateway (unset:"
                + " console.notify-gateway) http://notify-gateway:8083 is not a port published on the host by any of"
                + " [notify-gateway]: the page would send the browser nowhere");
        assertThat(wrongService.linkProblems()).containsExactly("console: console.links.checkout"
                + " http://localhost:8081/checkout is not a port published on the host by any of [account-service-1,"
                + " account-service-2]: the page would send the browser nowhere");
    }

    @Test
    void reportsConsoleScenariosWithoutFaultSwitches() {
        ComposeChecks broken = new ComposeChecks(ComposeFile.load(ROOT));
        ComposeFile.map(broken.compose().service("console").orElseThrow().definition().get("environment"))
                .put("CONSOLE_SCENARIOS", "true");

        assertThat(broken.scenarioProblems()).hasSize(4).allSatisfy(problem -> assertThat(problem)
                .startsWith("console: console.scenarios is true, but ").endsWith(" runs without the local profile, the"
                        + " only one with fault switches: its scenarios would fail"));
    }

    @Test
    void reportsAGatewayThatWouldRefuseTheReceiversContainers() {
        ComposeChecks broken = brokenBy("      GATEWAY_ALLOW_PRIVATE_ADDRESSES: \"true\"\n", "");

        assertThat(broken.notifyUrlProblems()).containsExactly("notify-gateway: gateway.allow-private-addresses is"
                + " false, but bank1's notify URLs name containers, whose addresses are private: every delivery would"
                + " be refused");
    }

    @Test
    void reportsAReplicaWhoseOrderPagesTheCashierWouldRefuseOrNotReach() {
        ComposeChecks otherPort = brokenBy("CHECKOUT_PUBLIC_URL: http://127.0.0.1:8084",
                "CHECKOUT_PUBLIC_URL: http://127.0.0.1:8085");
        ComposeChecks containerName = brokenBy("CHECKOUT_PAY_SERVICE_URL: http://127.0.0.1:8081",
                "CHECKOUT_PAY_SERVICE_URL: http://pay-service:8081");

        assertThat(otherPort.checkoutProblems()).containsExactly(
                "account-service-2: checkout.public-url http://127.0.0.1:8085 is not a port it publishes on the host:"
                        + " the cashier would send the payer nowhere",
                "pay-service: registers no return URL base of http://127.0.0.1:8085/checkout/orders/ for bank1"
                        + " (account-service-2's orders): its cashier would refuse every checkout");
        assertThat(containerName.checkoutProblems()).hasSize(2).allSatisfy(problem -> assertThat(problem)
                .contains("checkout.pay-service-url http://pay-service:8081 is not a port pay-service publishes"));
    }

    @Test
    void reportsAMigrationMountedIntoMySqlsInitDirectory() {
        String script = "      - ./docker/mysql/1-service-databases.sh:/docker-entrypoint-initdb.d/1-service-databases.sh:ro\n";
        ComposeChecks broken = brokenBy(script, script
                + "      - ./sql/bank1/V1__account_schema.sql:/docker-entrypoint-initdb.d/2-bank1.sql:ro\n");

        assertThat(broken.mountProblems()).containsExactly("mysql: mounts ./sql/bank1/V1__account_schema.sql into "
                + ComposeChecks.INIT_DIR + ", but each service migrates its own schema at start (Flyway)");
    }

    @Test
    void reportsADatabaseNoInitScriptCreatesAndAUserThatCannotMigrate() throws IOException {
        String original = read(ROOT.resolve("docker/mysql/1-service-databases.sh"));
        String withoutNotify = original.replace("CREATE DATABASE bank1_notify ", "-- bank1_notify ")
                .replace("CREATE, ALTER, INDEX, DROP, REFERENCES ON bank1_pay", "REFERENCES ON bank1_pay");
        assertThat(withoutNotify).isNotEqualTo(original);
        Path brokenScript = ROOT.resolve("system-tests/target/broken-service-databases.sh");
        Files.createDirectories(brokenScript.getParent());
        Files.writeString(brokenScript, withoutNotify);
        ComposeChecks broken = brokenBy("./docker/mysql/1-service-databases.sh:",
                "./system-tests/target/broken-service-databases.sh:");

        assertThat(broken.mountProblems()).containsExactly(
                "mysql: no init script creates the database bank1_notify that sql/bank1_notify/ migrates");
        assertThat(broken.credentialProblems()).containsExactly(
                "pay-service: user pay_service lacks CREATE on bank1_pay, which it needs to migrate its schema at start",
                "pay-service: user pay_service lacks ALTER on bank1_pay, which it needs to migrate its schema at start",
                "pay-service: user pay_service lacks INDEX on bank1_pay, which it needs to migrate its schema at start",
                "pay-service: user pay_service lacks DROP on bank1_pay, which it needs to migrate its schema at start");
    }

    @Test
    void reportsWaitingForHealthWhereThereIsNoHealthCheck() {
        ComposeChecks broken = new ComposeChecks(ComposeFile.load(ROOT));
        broken.compose().service("mysql").orElseThrow().definition().remove("healthcheck");

        assertThat(broken.dependencyProblems()).hasSize(4).allSatisfy(problem ->
                assertThat(problem).contains("waits for mysql to be healthy, which has no health check"));
    }

    @Test
    void reportsADockerfileThatRunsAsRoot() throws Exception {
        ComposeService payService = compose.service("pay-service").orElseThrow();
        String dockerfile = Files.readString(ROOT.resolve("pay-service/Dockerfile"));

        List<String> problems = checks.dockerfileProblems(payService,
                Dockerfile.parse(dockerfile.replaceFirst("(?m)^USER .*$", "")));

        assertThat(problems).containsExactly("pay-service (pay-service/Dockerfile): runs as root");
    }

    @Test
    void reportsABrokerAddressTheServicesCouldNotResolve() throws IOException {
        ComposeChecks broken = new ComposeChecks(ComposeFile.load(ROOT));
        Map<String, Object> broker = broken.compose().service("rocketmq-broker").orElseThrow().definition();
        // The same file, with the address a laptop's docker run would use.
        Path copy = Files.writeString(tmp.resolve("broker.conf"), read(ROOT.resolve("docker/rocketmq/broker.conf"))
                .replace("brokerIP1 = rocketmq-broker", "brokerIP1 = 127.0.0.1"));
        broker.put("volumes", List.of(copy + ":/home/rocketmq/broker.conf:ro"));

        assertThat(broken.brokerProblems()).singleElement().asString()
                .contains("brokerIP1 '127.0.0.1' is not a service name");
    }

    @Test
    void reportsAConsumerGroupTheInitScriptDoesNotCreate() throws IOException {
        ComposeChecks broken = new ComposeChecks(ComposeFile.load(ROOT));
        Map<String, Object> init = broken.compose().service("rocketmq-init").orElseThrow().definition();
        // The same script, without the gateway's group in its loop (its header comment still names it).
        String script = read(ROOT.resolve("docker/rocketmq/create-topics.sh"));
        String groups = "for GROUP in " + NotifyChannel.CONSUMER_GROUP + " " + NotifyChannel.GATEWAY_CONSUMER_GROUP;
        assertThat(script).contains(groups);
        Path copy = Files.writeString(tmp.resolve("create-topics.sh"),
                script.replace(groups, "for GROUP in " + NotifyChannel.CONSUMER_GROUP));
        init.put("volumes", List.of(copy + ":/home/rocketmq/create-topics.sh:ro"));

        assertThat(broken.brokerProblems()).containsExactly("rocketmq-init: its script does not create the consumer"
                + " group " + NotifyChannel.GATEWAY_CONSUMER_GROUP);
    }

    private static ComposeChecks brokenBy(String original, String replacement) {
        String text = read(ROOT.resolve(ComposeFile.FILE_NAME));
        assertThat(text).contains(original);
        return new ComposeChecks(ComposeFile.parse(ROOT, text.replace(original, replacement)));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

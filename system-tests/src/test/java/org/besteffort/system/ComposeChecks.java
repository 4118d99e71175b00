package org.besteffort.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.besteffort.common.NotifyChannel;
import org.besteffort.local.infra.MySqlContainerDatabase;
import org.besteffort.system.ComposeFile.ComposeService;
import org.besteffort.system.ComposeFile.Mount;
import org.besteffort.system.ComposeFile.PortMapping;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What must hold between docker-compose.yml and the rest of the repository, for a file nobody can run here. Each
 * check returns every problem it finds, as a sentence naming the service, so that one failing test says everything.
 */
record ComposeChecks(ComposeFile compose) {

    /** The keys of a service in the Compose specification that this project may plausibly use. */
    static final Set<String> SERVICE_KEYS = Set.of("build", "cap_add", "cap_drop", "command", "configs",
            "container_name", "cpus", "depends_on", "deploy", "dns", "entrypoint", "env_file", "environment", "expose",
            "extra_hosts", "healthcheck", "hostname", "image", "init", "labels", "logging", "mem_limit",
            "mem_reservation", "networks", "platform", "ports", "privileged", "profiles", "pull_policy", "read_only",
            "restart", "secrets", "security_opt", "shm_size", "stop_grace_period", "stop_signal", "sysctls", "tmpfs",
            "ulimits", "user", "volumes", "working_dir");

    static final Set<String> TOP_LEVEL_KEYS = Set.of("name", "services", "volumes", "networks", "configs", "secrets",
            "include", "version");

    static final Set<String> HEALTHCHECK_KEYS = Set.of("test", "interval", "timeout", "retries", "start_period",
            "start_interval", "disable");

    static final Set<String> CONDITIONS = Set.of("service_started", "service_healthy",
            "service_completed_successfully");

    static final String INIT_DIR = "/docker-entrypoint-initdb.d/";

    static final int MYSQL_PORT = 3306;

    static final int NAMESRV_PORT = 9876;

    static final String LAUNCHER = "org.springframework.boot.loader.launch.JarLauncher";

    private static final Pattern CREATE_USER = Pattern.compile(
            "CREATE USER '([^']+)'@'[^']*' IDENTIFIED BY '\\$\\{?(\\w+)\\}?'");

    private static final Pattern GRANT = Pattern.compile("GRANT ([^;]+?) ON (\\w+)\\.\\* TO '([^']+)'");

    /** What Flyway needs besides reading and writing rows, to create and change a service's own tables. */
    private static final List<String> MIGRATION_PRIVILEGES = List.of("CREATE", "ALTER", "INDEX", "DROP");

    private static final Pattern QUEUES = Pattern.compile(
            "-t\\s+" + NotifyChannel.TOPIC + "\\s+-r\\s+(\\d+)\\s+-w\\s+(\\d+)");

    /** Who verifies pay-service's signature, in which property (secrets by key id), and what a wrong secret costs. */
    private static final List<SignatureVerifier> SIGNATURE_VERIFIERS = List.of(
            new SignatureVerifier("account-service", "receiver.signing-keys", "every notification would be parked"),
            new SignatureVerifier("notify-gateway", "gateway.pay-signing-keys", "no pay result would become a task"));

    /** The properties that hold a service's base URL, each with the module that must answer there. */
    private static final List<ServiceUrl> SERVICE_URLS = List.of(
            new ServiceUrl("pay-service.url", "pay-service"),
            new ServiceUrl("console.pay-service", "pay-service"),
            new ServiceUrl("console.account-service", "account-service"),
            new ServiceUrl("console.notify-gateway", "notify-gateway"));

    /** Who keeps the receivers' notify URLs (scheme 2), in which properties, and what refusing them all costs. */
    private static final List<NotifyUrlRegistry> NOTIFY_URL_REGISTRIES = List.of(
            new NotifyUrlRegistry("pay-service", "pay.receivers", "pay.allow-private-notify-urls",
                    "/paydo would refuse every notify URL", "it would refuse the page's pays that ask for a notify"),
            new NotifyUrlRegistry("notify-gateway", "gateway.receivers", "gateway.allow-private-addresses",
                    "every delivery would be refused", "the page's pays that ask for a notify would never be"
                    + " notified"));

    /** The receiver the console's page pays for when it asks for an HTTP notify (console.js). */
    static final String CONSOLE_RECEIVER = "bank1";

    /**
     * Where the console's page sends a browser: each link property, the module that must answer there on a port the
     * host publishes, the path it must have, and what it falls back to when unset (ConsoleProperties' *Link methods).
     */
    private static final List<Link> CONSOLE_LINKS = List.of(
            new Link("console.links.pay-service", "pay-service", "", "console.pay-service"),
            new Link("console.links.account-service", "account-service", "", "console.account-service"),
            new Link("console.links.notify-gateway", "notify-gateway", "", "console.notify-gateway"),
            new Link("console.links.checkout", "account-service", "/checkout", "console.links.account-service"));

    List<String> unknownKeys() {
        List<String> problems = new ArrayList<>();
        compose.yaml().keySet().stream()
                .filter(key -> !TOP_LEVEL_KEYS.contains(key) && !key.startsWith("x-"))
                .forEach(key -> problems.add("top level: unknown key '" + key + "'"));
        for (ComposeService service : compose.services().values()) {
            service.definition().keySet().stream().filter(key -> !SERVICE_KEYS.contains(key))
                    .forEach(key -> problems.add(service.name() + ": unknown key '" + key + "'"));
            ComposeFile.map(service.definition().get("healthcheck")).keySet().stream()
                    .filter(key -> !HEALTHCHECK_KEYS.contains(key))
                    .forEach(key -> problems.add(service.name() + ": unknown healthcheck key '" + key + "'"));
            service.dependsOn().forEach((target, condition) -> {
                if (!CONDITIONS.contains(condition)) {
                    problems.add(service.name() + ": depends_on " + target + " has no condition '" + condition + "'");
                }
            });
        }
        return problems;
    }

    /** Published and container ports, health check URLs and EXPOSE agree with the port each service listens on. */
    List<String> portProblems() {
        List<String> problems = new ArrayList<>();
        Map<Integer, String> hostPorts = new HashMap<>();
        for (ComposeService service : compose.services().values()) {
            for (PortMapping port : service.ports()) {
                String other = port.published() == null ? null : hostPorts.putIfAbsent(port.published(), service.name());
                if (other != null) {
                    problems.add(service.name() + ": host port " + port.published() + " is published by " + other
                            + " already");
                }
            }
        }
        for (ComposeService service : compose.builtHere()) {
            int port = configuration(service).serverPort(service.environment());
            if (service.ports().isEmpty()) {
                problems.add(service.name() + ": publishes no port; it listens on " + port);
            }
            service.ports().stream().filter(mapping -> mapping.target() != port).forEach(mapping -> problems.add(
                    service.name() + ": publishes container port " + mapping.target() + ", but listens on " + port));
            if (!service.healthcheckCommand().contains(":" + port + "/actuator/health")) {
                problems.add(service.name() + ": its health check does not ask :" + port + "/actuator/health, but '"
                        + service.healthcheckCommand() + "'");
            }
        }
        return problems;
    }

    /**
     * Every variable given to a service sets a property the service declares (or a standard one, listed), or one that
     * Spring Boot binds to the service's {@code @ConfigurationProperties} records: a map key or list element.
     */
    List<String> environmentProblems() {
        List<String> problems = new ArrayList<>();
        for (ComposeService service : compose.builtHere()) {
            ServiceConfiguration configuration = configuration(service);
            service.environment().forEach((variable, value) -> {
                if (!ServiceConfiguration.JVM_VARIABLES.contains(variable)
                        && configuration.propertySetBy(variable, value).isEmpty()) {
                    problems.add(service.name() + ": " + variable + " sets no property that " + configuration.module()
                            + " declares in application.yml or binds to a @ConfigurationProperties record (nor a"
                            + " standard one in ServiceConfiguration)");
                }
            });
        }
        return problems;
    }

    /**
     * The database and name server addresses, where a service declares them, and the addresses of other services
     * (pay-service's, and the three the console reads) name services that exist, listen there and start first.
     */
    List<String> addressProblems() {
        List<String> problems = new ArrayList<>();
        for (ComposeService service : compose.builtHere()) {
            ServiceConfiguration configuration = configuration(service);
            Map<String, String> environment = service.environment();
            Set<String> startsFirst = dependenciesOf(service);
            if (configuration.properties().containsKey("spring.datasource.url")) {
                problems.addAll(databaseAddressProblems(service, configuration, startsFirst));
            }
            if (configuration.properties().containsKey("rocketmq.name-server")) {
                String nameServers = configuration.effective(environment, "rocketmq.name-server").orElse("");
                for (String nameServer : nameServers.split(";")) {
                    String[] hostAndPort = nameServer.split(":");
                    expectService(problems, service, "rocketmq.name-server", hostAndPort[0],
                            hostAndPort.length > 1 ? Integer.parseInt(hostAndPort[1]) : -1,
                            commandContains("mqnamesrv"), NAMESRV_PORT, startsFirst);
                }
            }
            for (ServiceUrl serviceUrl : SERVICE_URLS) {
                if (configuration.properties().containsKey(serviceUrl.property())) {
                    URI url = URI.create(configuration.effective(environment, serviceUrl.property()).orElse(""));
                    List<ComposeService> candidates = modules(serviceUrl.module());
                    int port = candidates.stream().filter(candidate -> candidate.name().equals(url.getHost()))
                            .findFirst().map(this::listensOn).orElse(-1);
                    expectService(problems, service, serviceUrl.property(), url.getHost(), url.getPort(), candidates,
                            port, startsFirst);
                }
            }
        }
        return problems;
    }

    /** The database URL names the MySQL service, which starts first, with application.yml's schema and parameters. */
    private List<String> databaseAddressProblems(ComposeService service, ServiceConfiguration configuration,
                                                 Set<String> startsFirst) {
        List<String> problems = new ArrayList<>();
        Map<String, String> environment = service.environment();
        URI database = URI.create(configuration.effective(environment, "spring.datasource.url").orElse("")
                .replaceFirst("^jdbc:", ""));
        URI declaredDatabase = URI.create(configuration.properties().getOrDefault("spring.datasource.url", "")
                .replaceFirst("^jdbc:", ""));
        expectService(problems, service, "spring.datasource.url", database.getHost(), database.getPort(),
                compose.running("mysql"), MYSQL_PORT, startsFirst);
        if (!database.getPath().equals(declaredDatabase.getPath())) {
            problems.add(service.name() + ": spring.datasource.url names schema " + database.getPath()
                    + ", application.yml " + declaredDatabase.getPath());
        }
        Set<String> parameters = parameters(database);
        parameters(declaredDatabase).stream().filter(parameter -> !parameters.contains(parameter))
                .forEach(parameter -> problems.add(service.name() + ": spring.datasource.url drops " + parameter
                        + " of application.yml's URL"));
        return problems;
    }

    /**
     * Each service with a database logs in as a user the MySQL init script creates, with its password, on its own
     * schema; whoever verifies pay-service's signature knows its key; the console reads the gateway's operator API
     * with a token the gateway knows.
     */
    List<String> credentialProblems() {
        List<String> problems = new ArrayList<>();
        List<ComposeService> databases = compose.running("mysql");
        if (databases.size() != 1) {
            return List.of("expected one mysql service, found " + databases.size());
        }
        ComposeService mysql = databases.get(0);
        String scripts = initScripts(mysql);
        Map<String, String> passwordVariableByUser = new HashMap<>();
        Matcher users = CREATE_USER.matcher(scripts);
        while (users.find()) {
            passwordVariableByUser.put(users.group(1), users.group(2));
        }
        Map<String, Set<String>> schemasByUser = new HashMap<>();
        Map<String, Set<String>> privilegesByUserSchema = new HashMap<>();
        Matcher grants = GRANT.matcher(scripts);
        while (grants.find()) {
            schemasByUser.computeIfAbsent(grants.group(3), user -> new LinkedHashSet<>()).add(grants.group(2));
            privilegesByUserSchema.computeIfAbsent(grants.group(3) + "@" + grants.group(2), key -> new HashSet<>())
                    .addAll(Arrays.stream(grants.group(1).split(",")).map(String::strip).toList());
        }

        for (ComposeService service : compose.builtHere()) {
            ServiceConfiguration configuration = configuration(service);
            if (!configuration.properties().containsKey("spring.datasource.url")) {
                continue;
            }
            Map<String, String> environment = service.environment();
            String user = configuration.effective(environment, "spring.datasource.username").orElse("");
            String password = configuration.effective(environment, "spring.datasource.password").orElse("");
            String schema = URI.create(configuration.effective(environment, "spring.datasource.url").orElse("")
                    .replaceFirst("^jdbc:", "")).getPath().replaceFirst("^/", "");
            if (user.equals("root")) {
                problems.add(service.name() + ": logs in to MySQL as root");
                continue;
            }
            String variable = passwordVariableByUser.get(user);
            if (variable == null) {
                problems.add(service.name() + ": user " + user + " is not created by the MySQL init scripts");
                continue;
            }
            if (!password.equals(mysql.environment().get(variable))) {
                problems.add(service.name() + ": password '" + password + "' is not what " + mysql.name()
                        + " gives " + user + " (" + variable + ": '" + mysql.environment().get(variable) + "')");
            }
            if (!schemasByUser.getOrDefault(user, Set.of()).contains(schema)) {
                problems.add(service.name() + ": user " + user + " is granted " + schemasByUser.get(user)
                        + ", not the schema " + schema + " it connects to");
                continue;
            }
            Set<String> granted = privilegesByUserSchema.get(user + "@" + schema);
            MIGRATION_PRIVILEGES.stream().filter(privilege -> !granted.contains(privilege))
                    .forEach(privilege -> problems.add(service.name() + ": user " + user + " lacks " + privilege
                            + " on " + schema + ", which it needs to migrate its schema at start"));
        }

        for (ComposeService notifier : modules("pay-service")) {
            ServiceConfiguration notifierConfiguration = configuration(notifier);
            String keyId = notifierConfiguration.effective(notifier.environment(), "notifier.signing.key-id").orElse("");
            String secret = notifierConfiguration.effective(notifier.environment(), "notifier.signing.secret").orElse("");
            for (SignatureVerifier verifier : SIGNATURE_VERIFIERS) {
                for (ComposeService service : modules(verifier.module())) {
                    Optional<String> known = configuration(service).effective(service.environment(),
                            verifier.secretsByKeyId() + "." + keyId);
                    if (!known.equals(Optional.of(secret))) {
                        problems.add(service.name() + ": does not know " + notifier.name() + "'s signing key " + keyId
                                + " with its secret: " + verifier.consequence());
                    }
                }
            }
        }

        for (ComposeService console : modules("console")) {
            String token = configuration(console).effective(console.environment(), "console.operator-token")
                    .orElse("");
            for (ComposeService service : compose.builtHere()) {
                if (service.equals(console)) {
                    continue;
                }
                Map<String, String> tokens = configuration(service).bind(service.environment(),
                        "edge.access.operators", Bindable.mapOf(String.class, String.class)).orElse(Map.of());
                if (!tokens.containsValue(token)) {
                    problems.add(console.name() + ": console.operator-token '" + token + "' is none of "
                            + service.name() + "'s edge.access.operators " + tokens.keySet() + ": it would refuse"
                            + " to show the console its journal and state");
                }
            }
        }

        for (ComposeService receiver : modules("account-service")) {
            String key = configuration(receiver).effective(receiver.environment(), "pay-service.api-key").orElse("");
            for (ComposeService notifier : modules("pay-service")) {
                Map<String, String> keys = configuration(notifier).bind(notifier.environment(),
                        "edge.access.receivers", Bindable.mapOf(String.class, String.class)).orElse(Map.of());
                if (!keys.containsValue(key)) {
                    problems.add(receiver.name() + ": pay-service.api-key '" + key + "' is none of "
                            + notifier.name() + "'s edge.access.receivers " + keys.keySet() + ": its reconciliation"
                            + " would be refused");
                }
            }
        }
        return problems;
    }

    /**
     * Scheme 2: each receiver's notify URLs are the same where pay-service accepts them and where the gateway calls
     * them, name a service that listens there, and are allowed although every container has a private address; the
     * console's pays name one of bank1's.
     */
    List<String> notifyUrlProblems() {
        List<String> problems = new ArrayList<>();
        Map<String, Map<String, Registration>> registrationsByService = new LinkedHashMap<>();
        for (NotifyUrlRegistry registry : NOTIFY_URL_REGISTRIES) {
            for (ComposeService service : modules(registry.module())) {
                ServiceConfiguration configuration = configuration(service);
                Map<String, Registration> receivers = configuration.bind(service.environment(), registry.receivers(),
                        Bindable.mapOf(String.class, Registration.class)).orElse(Map.of());
                registrationsByService.put(service.name(), receivers);
                boolean allowPrivate = configuration.effective(service.environment(), registry.allowPrivate())
                        .map(Boolean::parseBoolean).orElse(false);
                receivers.forEach((receiver, registration) -> {
                    boolean namesContainers = false;
                    for (String url : registration.notifyUrls()) {
                        URI uri = URI.create(url);
                        Optional<ComposeService> target = compose.service(uri.getHost())
                                .filter(candidate -> candidate.module().isPresent());
                        if (target.isEmpty()) {
                            problems.add(service.name() + ": " + receiver + "'s notify URL " + url
                                    + " names no service built here");
                            continue;
                        }
                        namesContainers = true;
                        int port = configuration(target.get()).serverPort(target.get().environment());
                        if (uri.getPort() != port) {
                            problems.add(service.name() + ": " + receiver + "'s notify URL " + url + " uses port "
                                    + uri.getPort() + " of " + target.get().name() + ", which listens on " + port);
                        }
                    }
                    if (namesContainers && !allowPrivate) {
                        problems.add(service.name() + ": " + registry.allowPrivate() + " is false, but " + receiver
                                + "'s notify URLs name containers, whose addresses are private: "
                                + registry.consequence());
                    }
                });
            }
        }
        for (ComposeService payService : modules("pay-service")) {
            for (ComposeService gateway : modules("notify-gateway")) {
                Map<String, Registration> called = registrationsByService.get(gateway.name());
                registrationsByService.get(payService.name()).forEach((receiver, registration) -> registration
                        .notifyUrls().stream()
                        .filter(url -> !called.getOrDefault(receiver, Registration.NONE).notifyUrls().contains(url))
                        .forEach(url -> problems.add(gateway.name() + ": does not register " + url + " for " + receiver
                                + ", which " + payService.name() + " accepts: such a pay would never be notified")));
            }
        }
        for (ComposeService console : modules("console")) {
            String notifyUrl = configuration(console).effective(console.environment(), "console.notify-url")
                    .orElse("");
            for (NotifyUrlRegistry registry : NOTIFY_URL_REGISTRIES) {
                for (ComposeService service : modules(registry.module())) {
                    if (!registrationsByService.get(service.name()).getOrDefault(CONSOLE_RECEIVER, Registration.NONE)
                            .notifyUrls().contains(notifyUrl)) {
                        problems.add(console.name() + ": console.notify-url " + notifyUrl + " is not one of "
                                + CONSOLE_RECEIVER + "'s notify URLs at " + service.name() + ": "
                                + registry.consoleConsequence());
                    }
                }
            }
        }
        return problems;
    }

    /**
     * The checkout in a browser on the host: account-service sends it to a port where the host reaches pay-service's
     * cashier, and says it can be reached back at a port it publishes itself, below a return URL base pay-service
     * registers for its receiver; else the cashier refuses every checkout, or sends the payer nowhere.
     */
    List<String> checkoutProblems() {
        List<String> problems = new ArrayList<>();
        for (ComposeService account : modules("account-service")) {
            ServiceConfiguration configuration = configuration(account);
            Map<String, String> environment = account.environment();
            String publicUrl = configuration.effective(environment, "checkout.public-url").orElse("");
            String cashierUrl = configuration.effective(environment, "checkout.pay-service-url").orElse("");
            if (!publishedAt(account, URI.create(publicUrl))) {
                problems.add(account.name() + ": checkout.public-url " + publicUrl + " is not a port it publishes on"
                        + " the host: the cashier would send the payer nowhere");
            }
            String receiver = configuration.effective(environment, "recharge.notify.receiver-id").orElse("");
            String returnUrl = publicUrl.replaceFirst("/$", "") + "/checkout/orders/";
            for (ComposeService payService : modules("pay-service")) {
                if (!publishedAt(payService, URI.create(cashierUrl))) {
                    problems.add(account.name() + ": checkout.pay-service-url " + cashierUrl + " is not a port "
                            + payService.name() + " publishes on the host: a browser would not reach the cashier");
                }
                Registration registration = configuration(payService).bind(payService.environment(), "pay.receivers",
                        Bindable.mapOf(String.class, Registration.class)).orElse(Map.of())
                        .getOrDefault(receiver, Registration.NONE);
                if (registration.returnUrls().stream().noneMatch(returnUrl::startsWith)) {
                    problems.add(payService.name() + ": registers no return URL base of " + returnUrl + " for "
                            + receiver + " (" + account.name() + "'s orders): its cashier would refuse every checkout");
                }
            }
        }
        return problems;
    }

    /**
     * The console's page sends a browser on the host to ports that the right services publish there, not to the
     * containers' addresses the console itself calls.
     */
    List<String> linkProblems() {
        List<String> problems = new ArrayList<>();
        for (ComposeService console : modules("console")) {
            ServiceConfiguration configuration = configuration(console);
            Map<String, String> environment = console.environment();
            Map<String, String> urls = new HashMap<>();
            for (Link link : CONSOLE_LINKS) {
                Optional<String> set = configuration.effective(environment, link.property());
                String url = set.orElseGet(() -> urls.getOrDefault(link.unsetFallback(),
                        configuration.effective(environment, link.unsetFallback()).orElse(""))
                        .replaceFirst("/$", "") + link.path());
                urls.put(link.property(), url);
                String which = link.property() + (set.isPresent() ? "" : " (unset: " + link.unsetFallback()
                        + link.path() + ")");
                URI uri = URI.create(url);
                List<ComposeService> targets = modules(link.module());
                if (targets.stream().noneMatch(target -> publishedAt(target, uri))) {
                    problems.add(console.name() + ": " + which + " " + url + " is not a port published on the host by"
                            + " any of " + targets.stream().map(ComposeService::name).toList() + ": the page would"
                            + " send the browser nowhere");
                }
                if (!link.path().isEmpty() && !uri.getPath().equals(link.path())) {
                    problems.add(console.name() + ": " + which + " " + url + " has the path '" + uri.getPath()
                            + "', not '" + link.path() + "'");
                }
            }
        }
        return problems;
    }

    /** The console runs its narrated scenarios only where they can flip fault switches: the local profile only. */
    List<String> scenarioProblems() {
        List<String> problems = new ArrayList<>();
        for (ComposeService console : modules("console")) {
            boolean scenarios = configuration(console).effective(console.environment(), "console.scenarios")
                    .map(Boolean::parseBoolean).orElse(false);
            if (!scenarios) {
                continue;
            }
            for (ComposeService service : compose.builtHere()) {
                String profiles = configuration(service).effective(service.environment(), "spring.profiles.active")
                        .orElse("");
                if (!service.equals(console) && !List.of(profiles.split("\\s*,\\s*")).contains("local")) {
                    problems.add(console.name() + ": console.scenarios is true, but " + service.name() + " runs"
                            + " without the local profile, the only one with fault switches: its scenarios would fail");
                }
            }
        }
        return problems;
    }

    /** Whether a browser on the host reaches the service at this URL: a loopback host and a port it publishes. */
    private boolean publishedAt(ComposeService service, URI url) {
        int listensOn = listensOn(service);
        boolean loopback = "127.0.0.1".equals(url.getHost()) || "localhost".equals(url.getHost());
        return loopback && service.ports().stream().anyMatch(mapping -> mapping.published() != null
                && mapping.published() == url.getPort() && mapping.target() == listensOn);
    }

    /**
     * Mounted files exist; MySQL's init scripts create every database that sql/ holds migrations for, empty, and mount
     * none of the migrations: each service migrates its own schema at start.
     */
    List<String> mountProblems() {
        List<String> problems = new ArrayList<>();
        for (ComposeService service : compose.services().values()) {
            service.volumes().stream().filter(Mount::isBind)
                    .filter(mount -> !Files.exists(compose.resolve(mount.source())))
                    .forEach(mount -> problems.add(service.name() + ": mounts " + mount.source()
                            + ", which does not exist"));
        }
        for (ComposeService mysql : compose.running("mysql")) {
            List<Mount> init = initMounts(mysql);
            init.stream().filter(mount -> Path.of(mount.source()).normalize().startsWith("sql"))
                    .forEach(mount -> problems.add(mysql.name() + ": mounts " + mount.source() + " into " + INIT_DIR
                            + ", but each service migrates its own schema at start (Flyway)"));
            String scripts = initScripts(mysql);
            for (String schema : migratedSchemas()) {
                if (!Pattern.compile("CREATE DATABASE (IF NOT EXISTS )?" + schema + "\\b").matcher(scripts).find()) {
                    problems.add(mysql.name() + ": no init script creates the database " + schema + " that sql/"
                            + schema + "/ migrates");
                }
            }
            init.stream().filter(mount -> !mount.readOnly()).forEach(mount -> problems.add(mysql.name() + ": "
                    + mount.source() + " is mounted writable"));
        }
        return problems;
    }

    /** Nothing waits for a mere start: for a health check, or for a one-shot job to succeed. */
    List<String> dependencyProblems() {
        List<String> problems = new ArrayList<>();
        Map<String, ComposeService> services = compose.services();
        for (ComposeService service : services.values()) {
            service.dependsOn().forEach((targetName, condition) -> {
                ComposeService target = services.get(targetName);
                if (target == null) {
                    problems.add(service.name() + ": depends on " + targetName + ", which is not a service");
                } else if (condition.equals("service_healthy") && !target.hasHealthcheck()) {
                    problems.add(service.name() + ": waits for " + targetName + " to be healthy, which has no health"
                            + " check");
                } else if (condition.equals("service_completed_successfully")
                        && !Set.of("no", "on-failure").contains(target.restart())) {
                    problems.add(service.name() + ": waits for " + targetName + " to complete, which restarts "
                            + target.restart());
                } else if (condition.equals("service_started")) {
                    problems.add(service.name() + ": waits only for " + targetName + " to start; give it a health"
                            + " check and wait for service_healthy");
                }
            });
        }
        compose.builtHere().stream().filter(service -> !service.hasHealthcheck())
                .forEach(service -> problems.add(service.name() + ": has no health check"));
        return problems;
    }

    /** Each image built here comes from a Dockerfile that exists and passes the checks of the next method. */
    List<String> dockerfileProblems() {
        List<String> problems = new ArrayList<>();
        for (ComposeService service : compose.builtHere()) {
            Path file = compose.resolve(service.dockerfile().orElseThrow());
            if (!Files.isRegularFile(file)) {
                problems.add(service.name() + ": " + service.dockerfile().orElseThrow() + " does not exist");
            } else {
                problems.addAll(dockerfileProblems(service, Dockerfile.load(file)));
            }
        }
        return problems;
    }

    /**
     * The image runs as a non-root user on eclipse-temurin:17-jre, exposes the service's port, starts Spring Boot's
     * launcher, and is built from the module's jar, which .dockerignore lets into the build context.
     */
    List<String> dockerfileProblems(ComposeService service, Dockerfile dockerfile) {
        List<String> problems = new ArrayList<>();
        String name = service.name() + " (" + service.dockerfile().orElse("?") + ")";
        dockerfile.stages().stream().filter(stage -> !stage.image().equals("eclipse-temurin:17-jre"))
                .forEach(stage -> problems.add(name + ": a stage runs on " + stage.image()
                        + ", not eclipse-temurin:17-jre"));
        Dockerfile.Stage runtime = dockerfile.runtime();
        String user = runtime.last("USER").orElse("root");
        if (Set.of("root", "0", "0:0", "root:root").contains(user)) {
            problems.add(name + ": runs as root");
        }
        int port = configuration(service).serverPort(Map.of());
        if (!runtime.all("EXPOSE").contains(String.valueOf(port))) {
            problems.add(name + ": does not EXPOSE " + port);
        }
        if (!runtime.last("ENTRYPOINT").orElse("").contains(LAUNCHER)) {
            problems.add(name + ": its ENTRYPOINT does not start " + LAUNCHER);
        }
        String jar = service.module().orElse("?") + "/target/" + service.module().orElse("?") + ".jar";
        List<String> copied = dockerfile.stages().stream().flatMap(stage -> stage.all("COPY").stream())
                .filter(arguments -> !arguments.startsWith("--from")).map(arguments -> arguments.split("\\s+")[0])
                .toList();
        if (!copied.equals(List.of(jar))) {
            problems.add(name + ": copies " + copied + " from the build context, not just " + jar);
        }
        if (!read(compose.resolve(".dockerignore")).lines().map(String::strip).toList().contains("!" + jar)) {
            problems.add(name + ": .dockerignore keeps " + jar + " out of the build context");
        }
        return problems;
    }

    /** The layer directories the runtime stage copies are the layers of the service's jar, in the jar's order. */
    List<String> layerProblems() {
        List<String> problems = new ArrayList<>();
        for (ComposeService service : compose.builtHere()) {
            Dockerfile dockerfile = Dockerfile.load(compose.resolve(service.dockerfile().orElseThrow()));
            List<String> copiedLayers = dockerfile.runtime().all("COPY").stream()
                    .filter(arguments -> arguments.startsWith("--from"))
                    .map(arguments -> arguments.split("\\s+")[1].replaceFirst("/$", ""))
                    .map(path -> path.substring(path.lastIndexOf('/') + 1)).toList();
            List<String> jarLayers = layers(jarOf(service));
            if (!copiedLayers.equals(jarLayers)) {
                problems.add(service.name() + ": copies the layers " + copiedLayers + ", the jar has " + jarLayers);
            }
        }
        return problems;
    }

    /**
     * The broker registers under a name the services resolve, topics are created up front (none on the fly), with
     * enough queues for every account-service replica, and every consumer group of the topic with its retry and
     * dead-letter topics, before any service that uses the broker starts.
     */
    List<String> brokerProblems() {
        List<String> problems = new ArrayList<>();
        List<ComposeService> brokers = commandContains("mqbroker");
        if (brokers.size() != 1) {
            return List.of("expected one service running mqbroker, found " + brokers.size());
        }
        ComposeService broker = brokers.get(0);
        Matcher configFlag = Pattern.compile("-c\\s+(\\S+)").matcher(broker.command());
        Optional<Mount> configMount = configFlag.find()
                ? broker.volumes().stream().filter(mount -> mount.target().equals(configFlag.group(1))).findFirst()
                : Optional.empty();
        if (configMount.isEmpty()) {
            return List.of(broker.name() + ": runs without a mounted broker.conf (mqbroker -c <mounted file>)");
        }
        Properties config = new Properties();
        try (InputStream in = Files.newInputStream(compose.resolve(configMount.get().source()))) {
            config.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String brokerIp = config.getProperty("brokerIP1", "");
        if (!compose.services().containsKey(brokerIp)) {
            problems.add(broker.name() + ": brokerIP1 '" + brokerIp + "' is not a service name, so the services could"
                    + " not resolve the address the broker registers");
        }
        String listenPort = config.getProperty("listenPort", "10911");
        if (!broker.healthcheckCommand().contains("/" + listenPort)) {
            problems.add(broker.name() + ": its health check does not probe listenPort " + listenPort);
        }
        String nameServer = config.getProperty("namesrvAddr", "").split(":")[0];
        if (commandContains("mqnamesrv").stream().noneMatch(service -> service.name().equals(nameServer))) {
            problems.add(broker.name() + ": namesrvAddr '" + nameServer + "' is not the NameServer service");
        }

        if (Boolean.parseBoolean(config.getProperty("autoCreateTopicEnable", "true"))) {
            problems.add(broker.name() + ": autoCreateTopicEnable is on; create " + NotifyChannel.TOPIC + " up front");
            return problems;
        }
        List<ComposeService> initServices = compose.services().values().stream()
                .filter(service -> service.volumes().stream().anyMatch(mount -> mount.isBind()
                        && service.command().contains(mount.target()) && mount.source().endsWith(".sh")))
                .filter(service -> service.image().equals(broker.image())).toList();
        if (initServices.size() != 1) {
            problems.add("expected one service that runs a topic script on the broker's image, found "
                    + initServices.stream().map(ComposeService::name).toList());
            return problems;
        }
        ComposeService init = initServices.get(0);
        String script = init.volumes().stream().filter(mount -> init.command().contains(mount.target()))
                .map(mount -> read(compose.resolve(mount.source()))).findFirst().orElse("");
        Matcher queues = QUEUES.matcher(script);
        int replicas = modules("account-service").size();
        if (!queues.find()) {
            problems.add(init.name() + ": creates no " + NotifyChannel.TOPIC + " with -r <n> -w <n>");
        } else if (Integer.parseInt(queues.group(1)) < replicas || Integer.parseInt(queues.group(2)) < replicas) {
            problems.add(init.name() + ": gives " + NotifyChannel.TOPIC + " fewer queues than the " + replicas
                    + " account-service replicas: one would sit idle");
        }
        String commands = script.lines().filter(line -> !line.strip().startsWith("#"))
                .collect(Collectors.joining("\n"));
        for (String group : NotifyChannel.CONSUMER_GROUPS) {
            if (!commands.contains(group)) {
                problems.add(init.name() + ": its script does not create the consumer group " + group);
            }
        }
        for (String expected : List.of("updateSubGroup", "%RETRY%", "%DLQ%")) {
            if (!commands.contains(expected)) {
                problems.add(init.name() + ": its script does not mention " + expected);
            }
        }
        for (ComposeService service : compose.builtHere()) {
            if (configuration(service).properties().containsKey("rocketmq.name-server")
                    && !"service_completed_successfully".equals(service.dependsOn().get(init.name()))) {
                problems.add(service.name() + ": starts without waiting for " + init.name()
                        + " to complete successfully");
            }
        }
        return problems;
    }

    /** Compose runs what the tests run: MySQL's image of Testcontainers, RocketMQ's version of local-broker. */
    List<String> imageProblems() {
        List<String> problems = new ArrayList<>();
        compose.running("mysql").stream().filter(service -> !service.image().orElseThrow()
                        .equals(MySqlContainerDatabase.IMAGE))
                .forEach(service -> problems.add(service.name() + ": runs " + service.image().orElseThrow()
                        + ", the MySQL tests run " + MySqlContainerDatabase.IMAGE));
        Matcher version = Pattern.compile("<rocketmq-server.version>([^<]+)</rocketmq-server.version>")
                .matcher(read(compose.resolve("pom.xml")));
        String expected = version.find() ? "apache/rocketmq:" + version.group(1) : "apache/rocketmq:?";
        compose.running("apache/rocketmq").stream().filter(service -> !service.image().orElseThrow().equals(expected))
                .forEach(service -> problems.add(service.name() + ": runs " + service.image().orElseThrow()
                        + ", local-broker and the tests run " + expected));
        return problems;
    }

    /** The service's jar as {@code ./mvnw package} leaves it. */
    Path jarOf(ComposeService service) {
        String module = service.module().orElseThrow();
        return compose.resolve(module + "/target/" + module + ".jar");
    }

    ServiceConfiguration configuration(ComposeService service) {
        return ServiceConfiguration.load(compose.repositoryRoot(), service.module().orElseThrow());
    }

    /** The port the service listens on in its container. */
    private int listensOn(ComposeService service) {
        return configuration(service).serverPort(service.environment());
    }

    private List<ComposeService> modules(String module) {
        return compose.builtHere().stream().filter(service -> service.module().orElse("").equals(module)).toList();
    }

    private List<ComposeService> commandContains(String word) {
        return compose.services().values().stream().filter(service -> service.command().contains(word)).toList();
    }

    private static void expectService(List<String> problems, ComposeService service, String property, String host,
                                      int port, List<ComposeService> candidates, int expectedPort,
                                      Set<String> startsFirst) {
        Optional<ComposeService> target = candidates.stream().filter(candidate -> candidate.name().equals(host))
                .findFirst();
        if (target.isEmpty()) {
            problems.add(service.name() + ": " + property + " names host '" + host + "', expected one of "
                    + candidates.stream().map(ComposeService::name).toList());
            return;
        }
        if (port != expectedPort) {
            problems.add(service.name() + ": " + property + " uses port " + port + " of " + host + ", which listens on "
                    + expectedPort);
        }
        if (!startsFirst.contains(host)) {
            problems.add(service.name() + ": uses " + host + " (" + property + ") but does not depend on it");
        }
    }

    /** The services this one waits for, directly or through others. */
    private Set<String> dependenciesOf(ComposeService service) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> next = new ArrayDeque<>(service.dependsOn().keySet());
        while (!next.isEmpty()) {
            String name = next.pop();
            if (seen.add(name)) {
                compose.service(name).ifPresent(dependency -> next.addAll(dependency.dependsOn().keySet()));
            }
        }
        return seen;
    }

    private static List<Mount> initMounts(ComposeService mysql) {
        return mysql.volumes().stream().filter(mount -> mount.target().startsWith(INIT_DIR)).toList();
    }

    /** The shell scripts mounted into MySQL's init directory, concatenated. */
    private String initScripts(ComposeService mysql) {
        return initMounts(mysql).stream().filter(mount -> mount.target().endsWith(".sh"))
                .map(mount -> read(compose.resolve(mount.source()))).reduce("", String::concat);
    }

    /** The folders of sql/ that hold a service schema's migrations. */
    private List<String> migratedSchemas() {
        try (Stream<Path> entries = Files.list(compose.resolve("sql"))) {
            return entries.filter(Files::isDirectory).map(path -> path.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> parameters(URI uri) {
        return uri.getQuery() == null ? Set.of() : new LinkedHashSet<>(Arrays.asList(uri.getQuery().split("&")));
    }

    private static String fileName(String path) {
        return Path.of(path).getFileName().toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The layer names of a Spring Boot jar's {@code BOOT-INF/layers.idx}, in order. */
    private static List<String> layers(Path jar) {
        try (JarFile file = new JarFile(jar.toFile());
             InputStream index = file.getInputStream(file.getEntry("BOOT-INF/layers.idx"))) {
            return new String(index.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> line.startsWith("- \"")).map(line -> line.substring(3, line.indexOf("\":")))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record SignatureVerifier(String module, String secretsByKeyId, String consequence) {
    }

    private record NotifyUrlRegistry(String module, String receivers, String allowPrivate, String consequence,
                                     String consoleConsequence) {
    }

    private record ServiceUrl(String property, String module) {
    }

    private record Link(String property, String module, String path, String unsetFallback) {
    }

    /** The part of a receiver's registration, in pay-service or the gateway, that these checks read. */
    record Registration(@DefaultValue List<String> notifyUrls, @DefaultValue List<String> returnUrls) {

        static final Registration NONE = new Registration(List.of(), List.of());
    }
}

package org.besteffort.drills.scenario;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Runs narrated scenarios against the running local stack
 * ({@code Scenarios <name>|all [--pay=URL] [--account=URL] [--gateway=URL]}) and exits 0 when each ended as the course says, 1 when one did not, 2 when the stack is not running.
 */
public final class Scenarios {

    static final int AS_EXPECTED = 0;
    static final int NOT_AS_EXPECTED = 1;
    static final int STACK_NOT_RUNNING = 2;

    /** In the order of {@code all}: the course scenarios, the "break it" exercises, then scheme 2's. */
    static final List<Scenario> ALL = List.of(new MessageScenario(), new ActiveQueryScenario(),
            new ReplayScenario(), new LoseMessageScenario(), new FailDeliveriesScenario(),
            new NotifierDownScenario(), new NotifyFirstTryScenario(), new ReceiverDownScenario(),
            new RenotifyScenario(), new ForgedNotifyScenario());

    private static final String START_HINT = "Start the local stack in another terminal with ./mvnw -Plocal package "
            + "and wait for its \"Ready in\" line.";
    private static final int WIDTH = 110;

    private Scenarios() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    /** The scenarios a trainee can run, in the order of {@code all}: name → one-line title. */
    public static Map<String, String> titles() {
        Map<String, String> titles = new LinkedHashMap<>();
        ALL.forEach(scenario -> titles.put(scenario.name(), scenario.title()));
        return titles;
    }

    /**
     * Runs what {@code args} name, narrating on {@code out}, and returns the exit code: {@code 0} when each ended as
     * the course says, {@code 1} when one did not, {@code 2} when the stack is not running.
     */
    public static int run(String[] args, PrintStream out) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            out.println(usage());
            return NOT_AS_EXPECTED;
        }
        Stack stack = new Stack(new PayServiceClient(options.pay()), new AccountServiceClient(options.account()),
                new NotifyGatewayClient(options.gateway()));
        Optional<String> notReady = stack.whyNotReady();
        if (notReady.isPresent()) {
            out.println(notReady.get());
            out.println(START_HINT);
            return STACK_NOT_RUNNING;
        }
        Map<Scenario, Verdict> verdicts = new LinkedHashMap<>();
        Map<Scenario, Duration> durations = new LinkedHashMap<>();
        for (Scenario scenario : options.scenarios()) {
            out.println();
            out.println("=== " + scenario.name() + ": " + scenario.title() + " ===");
            wrap(scenario.header(), WIDTH).forEach(out::println);
            out.println("(times are elapsed since the scenario started, as seen by polling the services' HTTP APIs)");
            Timeline timeline = new Timeline(out, System::nanoTime);
            Verdict verdict;
            try {
                verdict = scenario.run(stack, timeline);
            } catch (StackUnreachable e) {
                out.println("Result: the stack stopped answering: " + e.getMessage() + ".");
                out.println(START_HINT);
                return STACK_NOT_RUNNING;
            } catch (UnexpectedAnswer e) {
                verdict = Verdict.unexpected(e.getMessage() + ".");
            }
            verdicts.put(scenario, verdict);
            durations.put(scenario, timeline.elapsed());
            out.println(verdict.line());
        }
        if (verdicts.size() > 1) {
            out.println();
            out.println("=== summary ===");
            verdicts.forEach((scenario, verdict) -> out.println(String.format(Locale.ROOT, "  %-16s %-16s %s",
                    scenario.name(), verdict.expected() ? "as expected" : "NOT as expected",
                    Timeline.human(durations.get(scenario)))));
        }
        return verdicts.values().stream().allMatch(Verdict::expected) ? AS_EXPECTED : NOT_AS_EXPECTED;
    }

    static String usage() {
        StringBuilder usage = new StringBuilder(
                "usage: Scenarios <scenario>... | all [--pay=URL] [--account=URL] [--gateway=URL]\n");
        usage.append("  (defaults: --pay=").append(Options.DEFAULT_PAY).append(" --account=")
                .append(Options.DEFAULT_ACCOUNT).append(" --gateway=").append(Options.DEFAULT_GATEWAY).append(")\n");
        for (Scenario scenario : ALL) {
            usage.append(String.format(Locale.ROOT, "  %-16s %s%n", scenario.name(), scenario.title()));
        }
        usage.append(String.format(Locale.ROOT, "  %-16s %s", "all", "all of them, in this order"));
        return usage.toString();
    }

    /** Breaks a text into lines of at most {@code width} characters, at spaces. */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" +")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** The scenarios to run, in order, and where the three services answer. */
    record Options(List<Scenario> scenarios, URI pay, URI account, URI gateway) {

        static final URI DEFAULT_PAY = URI.create("http://127.0.0.1:8081");
        static final URI DEFAULT_ACCOUNT = URI.create("http://127.0.0.1:8082");
        static final URI DEFAULT_GATEWAY = URI.create("http://127.0.0.1:8083");

        /** @throws IllegalArgumentException naming what is wrong with the arguments */
        static Options parse(String... args) {
            List<Scenario> scenarios = new ArrayList<>();
            URI pay = DEFAULT_PAY;
            URI account = DEFAULT_ACCOUNT;
            URI gateway = DEFAULT_GATEWAY;
            for (String arg : args) {
                if (arg.startsWith("--pay=")) {
                    pay = url(arg, "--pay=");
                } else if (arg.startsWith("--account=")) {
                    account = url(arg, "--account=");
                } else if (arg.startsWith("--gateway=")) {
                    gateway = url(arg, "--gateway=");
                } else if (arg.equals("all")) {
                    scenarios.addAll(ALL);
                } else if (arg.startsWith("-")) {
                    throw new IllegalArgumentException("unknown option " + arg);
                } else {
                    scenarios.add(ALL.stream().filter(scenario -> scenario.name().equals(arg)).findFirst()
                            .orElseThrow(() -> new IllegalArgumentException("no scenario named " + arg)));
                }
            }
            if (scenarios.isEmpty()) {
                throw new IllegalArgumentException("name a scenario, or all");
            }
            return new Options(List.copyOf(scenarios), pay, account, gateway);
        }

        private static URI url(String arg, String option) {
            String value = arg.substring(option.length());
            URI url;
            try {
                url = URI.create(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(option + " needs a URL such as http://localhost:8081, not "
                        + value);
            }
            boolean web = "http".equals(url.getScheme()) || "https".equals(url.getScheme());
            if (!web || url.getHost() == null) {
                throw new IllegalArgumentException(option + " needs a URL such as http://localhost:8081, not "
                        + value);
            }
            return url;
        }
    }
}

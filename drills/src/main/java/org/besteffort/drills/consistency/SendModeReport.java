package org.besteffort.drills.consistency;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The comparison's table, one column per send mode, and the invariants it must keep.
 */
final class SendModeReport {

    private SendModeReport() {
    }

    static void print(PrintStream out, SendModeOptions options, List<ModeFigures> modes) {
        out.println();
        out.printf("Send modes under crashes: pay-service halted %d time(s) at each crash point of a mode, "
                + "%d recharges per mode%n%n", options.crashes(), options.pays());
        StringBuilder header = new StringBuilder(String.format("%-44s", ""));
        modes.forEach(mode -> header.append(String.format("%18s", mode.mode())));
        out.println(header);
        row(out, modes, "halts of pay-service at crash points",
                mode -> String.valueOf(mode.crashes().values().stream().mapToInt(Integer::intValue).sum()));
        row(out, modes, "recharges made", mode -> String.valueOf(mode.pays()));
        row(out, modes, "pays committed", mode -> String.valueOf(mode.committed()));
        row(out, modes, "messages lost (settled w/o a message)", mode -> String.valueOf(mode.lost()));
        row(out, modes, "  of those never credited", mode -> String.valueOf(mode.lostNotRepaired()));
        row(out, modes, "duplicate messages (absorbed)", mode -> String.valueOf(mode.duplicates()));
        row(out, modes, "double credits", mode -> String.valueOf(mode.doubleCredits()));
        row(out, modes, "converged after the last pay (s)", mode -> "%.1f".formatted(mode.convergedSeconds()));
        if (options.throughput()) {
            out.printf("%nclean run of the same stack: %d pays/s for the latency, %d clients for the maximum%n",
                    options.rate(), options.clients());
            row(out, modes, "settled pays/s at maximum", mode -> "%.1f".formatted(mode.settledPerSecond()));
            row(out, modes, "p50 pay commit -> credited (ms)",
                    mode -> "%.1f".formatted(mode.latencyAtRate().p50()));
            row(out, modes, "p99 pay commit -> credited (ms)",
                    mode -> "%.1f".formatted(mode.latencyAtRate().p99()));
            row(out, modes, "database statements per settled pay",
                    mode -> "%.1f".formatted(mode.statementsPerPay()));
            row(out, modes, "CPU ms per settled pay (all processes)",
                    mode -> "%.2f".formatted(mode.cpuMsPerPay()));
        }
        out.println();
        out.println("where each was stopped, and how the recharges ended:");
        for (ModeFigures mode : modes) {
            out.printf("  %-14s halted %s%n  %-14s ended %s%n", mode.mode(), mode.crashes(), "", mode.settledBy());
            mode.extra().forEach((name, value) -> out.printf("  %-14s %s: %s%n", "", name, value));
        }
        if (modes.stream().anyMatch(mode -> mode.mode().equals(TwoPhaseCommitColumn.MODE))) {
            out.println();
            out.println("2pc: the same recharge as one XA transaction over two MariaDB servers (Atomikos), no broker and");
            out.println("no services: \"messages lost\" there counts pays committed without their credit; its latency is");
            out.println("the payer's whole call (both writes and the two-phase commit), its CPU the two databases and the");
            out.println("coordinator's JVM, which also runs the load.");
        }
        List<String> violations = violations(modes);
        out.println();
        if (violations.isEmpty()) {
            out.println("PASSED: no double credit in any mode, no message lost by outbox or transactional, "
                    + "every message after-commit lost was repaired by reconciliation");
        } else {
            out.println("FAILED:");
            violations.forEach(violation -> out.println("  " + violation));
        }
    }

    /** The invariants the comparison must keep; empty when all hold. */
    static List<String> violations(List<ModeFigures> modes) {
        List<String> violations = new ArrayList<>();
        for (ModeFigures mode : modes) {
            violations.addAll(mode.violations());
            if (mode.doubleCredits() > 0) {
                violations.add(mode.mode() + ": " + mode.doubleCredits() + " pays credited twice");
            }
            if (mode.lostNotRepaired() > 0) {
                violations.add(mode.mode() + ": " + mode.lostNotRepaired() + " lost messages never repaired");
            }
            if (!mode.mode().equals("after-commit") && mode.lost() > 0) {
                violations.add(mode.mode() + ": " + mode.lost() + " messages lost");
            }
        }
        return violations;
    }

    private static void row(PrintStream out, List<ModeFigures> modes, String label,
                            Function<ModeFigures, String> value) {
        StringBuilder line = new StringBuilder(String.format("%-44s", label));
        for (ModeFigures mode : modes) {
            line.append(String.format("%18s", value.apply(mode)));
        }
        out.println(line);
    }
}

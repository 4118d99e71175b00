package org.besteffort.console.timeline;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The journal entries of one pay from every service, in the order they happened, and what they add up to.
 */
final class PayTimeline {

    /** Which step comes first when two services wrote in the same millisecond: the order a pay travels in. */
    private static final Map<String, Integer> CAUSAL_ORDER = Map.ofEntries(
            Map.entry("RECHARGE_STARTED", 0), Map.entry("RECORDED", 1), Map.entry("ANNOUNCED", 2),
            Map.entry("DROPPED", 2), Map.entry("SEND_FAILED", 2), Map.entry("TASK_KEPT", 3),
            Map.entry("DELIVERED", 4), Map.entry("ATTEMPT", 4), Map.entry("NOTIFIED", 4), Map.entry("QUERIED", 4),
            Map.entry("STATEMENT", 4));

    /** The paths that can credit a pay, as the course names them. */
    private static final Map<String, String> PATHS = Map.of(
            "DELIVERED", "message", "NOTIFIED", "HTTP notify", "QUERIED", "reconciliation (query)",
            "STATEMENT", "reconciliation (statement)");

    private final String txNo;
    private final Instant firstSeen;
    private final List<Entry> entries = new ArrayList<>();
    private String accountNo;
    private BigDecimal amount;

    PayTimeline(String txNo, Instant firstSeen) {
        this.txNo = txNo;
        this.firstSeen = firstSeen;
    }

    void add(String service, JournalEntryView entry) {
        entries.add(new Entry(service, entry));
        if (accountNo == null && entry.accountNo() != null) {
            accountNo = entry.accountNo();
        }
        if (amount == null && entry.amount() != null) {
            amount = entry.amount();
        }
    }

    Instant firstSeen() {
        return firstSeen;
    }

    TimelineView view() {
        List<Entry> ordered = entries.stream().sorted(Comparator.comparing((Entry e) -> e.entry().at())
                .thenComparing(e -> CAUSAL_ORDER.getOrDefault(e.entry().step(), 5))).toList();
        Optional<Entry> credit = ordered.stream().filter(Entry::credited).findFirst();
        List<TimelineStep> steps = new ArrayList<>();
        for (Entry e : ordered) {
            JournalEntryView j = e.entry();
            boolean alreadyApplied = "ALREADY_APPLIED".equals(j.outcome());
            steps.add(new TimelineStep(e.service(), j.at(), j.step(), j.attempt(), j.outcome(), label(e.service(), j),
                    j.detail(), e.credited(), alreadyApplied));
        }
        String status = credit.isPresent() ? "credited" : status(ordered);
        String settledBy = credit.map(e -> "settled by " + PATHS.get(e.entry().step())).orElse(null);
        return new TimelineView(txNo, accountNo, amount, status, settledBy, firstSeen, steps);
    }

    private static String status(List<Entry> ordered) {
        if (ordered.stream().anyMatch(e -> "PAY_FAILED".equals(e.entry().outcome())
                || ("RECORDED".equals(e.entry().step()) && "FAIL".equals(e.entry().outcome())))) {
            return "pay failed";
        }
        if (ordered.stream().anyMatch(e -> "PARKED".equals(e.entry().outcome())
                || "UNTRUSTED".equals(e.entry().outcome()))) {
            return "parked";
        }
        if (ordered.stream().anyMatch(e -> "EXPIRED".equals(e.entry().step()))) {
            return "expired";
        }
        return "in flight";
    }

    /** One line for one step, in the words of the course. */
    static String label(String service, JournalEntryView entry) {
        String n = entry.attempt() == null ? "" : " #" + entry.attempt();
        String outcome = outcome(entry.outcome());
        return switch (entry.step()) {
            case "RECORDED" -> "recorded at the notifier: " + entry.outcome();
            case "ANNOUNCED" -> "announced on topic_notifymsg";
            case "DROPPED" -> "announcement dropped by a fault switch";
            case "SEND_FAILED" -> "announcement not sent";
            case "QUERIED" -> "account-service".equals(service)
                    ? "reconciliation query" + n + ": " + outcome
                    : "answered GET /payresult: " + outcome;
            case "RECHARGE_STARTED" -> "recharge started, waiting for its result";
            case "DELIVERED" -> "message delivery" + n + ": " + outcome;
            case "NOTIFIED" -> "HTTP notify received" + n + ": " + outcome;
            case "STATEMENT" -> "found in the notifier's statement: " + outcome;
            case "EXPIRED" -> "recharge expired: no result before the deadline";
            case "TASK_KEPT" -> "ALREADY_KEPT".equals(entry.outcome())
                    ? "message delivered to the gateway again: task already kept"
                    : "notify task kept by the gateway";
            case "TASK_REFUSED" -> "refused by the gateway";
            case "ATTEMPT" -> "HTTP notify attempt" + n + ": " + outcome;
            case "TASK_FAILED" -> "notify task failed: its schedule is exhausted";
            case "RENOTIFIED" -> "re-notified by an operator";
            case "RECOVERED" -> "recovered by an operator";
            default -> entry.step().toLowerCase().replace('_', ' ') + (entry.outcome() == null ? "" : ": " + outcome);
        };
    }

    private static String outcome(String outcome) {
        if (outcome == null) {
            return "";
        }
        return switch (outcome) {
            case "CREDITED" -> "credited";
            case "ALREADY_APPLIED" -> "already applied, nothing changed";
            case "PAY_FAILED" -> "the pay failed, nothing credited";
            case "PARKED" -> "parked for an operator";
            case "FAILED" -> "failed, to be retried";
            case "IGNORED" -> "another receiver's, ignored";
            case "UNTRUSTED" -> "not signed by the notifier, parked";
            case "UNKNOWN" -> "not known there yet";
            case "UNREACHABLE" -> "the notifier did not answer";
            case "UNAVAILABLE" -> "503 (fault switch)";
            case "FOUND" -> "found";
            case "ACKED" -> "answered success";
            default -> outcome.toLowerCase().replace('_', ' ');
        };
    }

    private record Entry(String service, JournalEntryView entry) {

        boolean credited() {
            return "CREDITED".equals(entry.outcome());
        }
    }
}

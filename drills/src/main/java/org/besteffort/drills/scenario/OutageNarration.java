package org.besteffort.drills.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells the story of a recharge whose notifier cannot be asked for a while: {@code /payresult} going from 503 back
 * to answering, each reconciliation query and what {@code /payresult} answered around it, then the settlement.
 */
class OutageNarration implements Watch.Narration<OutageNarration.Sight> {

    private final List<Duration> queriedAt = new ArrayList<>();
    private RechargeView last;
    private boolean outageSeen;
    private Duration answersAgainAt;
    private int queriesDuringOutage;

    /** @param started the recharge as {@code POST /recharges} answered it, already told */
    OutageNarration(RechargeView started) {
        this.last = started;
    }

    @Override
    public List<String> changes(Sight before, Sight now) {
        List<String> lines = new ArrayList<>();
        if (before == null || before.payresultStatus() != now.payresultStatus()) {
            lines.add(payresult(now));
        }
        boolean unavailable = now.payresultStatus() == 503;
        for (int query = last.reconciliationQueries() + 1; query <= now.recharge().reconciliationQueries(); query++) {
            String since = queriedAt.isEmpty() ? ""
                    : ", " + Timeline.human(now.seenAt().minus(queriedAt.get(queriedAt.size() - 1)))
                    + " after query " + (query - 1);
            queriedAt.add(now.seenAt());
            if (unavailable) {
                queriesDuringOutage++;
            }
            lines.add("reconciliation query " + query + since + " (reconciliationQueries " + (query - 1) + " -> "
                    + query + "), while /payresult answers " + now.payresultStatus());
        }
        lines.addAll(RechargeNarration.status(last, now.recharge()));
        last = now.recharge();
        return lines;
    }

    private String payresult(Sight now) {
        if (now.payresultStatus() == 503) {
            outageSeen = true;
            return "GET /payresult/{txNo}: 503, pay-service cannot be asked";
        }
        if (outageSeen && answersAgainAt == null) {
            answersAgainAt = now.seenAt();
            return "GET /payresult/{txNo}: " + now.payresultStatus() + " again, pay-service can be asked";
        }
        return "GET /payresult/{txNo}: " + now.payresultStatus();
    }

    /** When each reconciliation query was seen, in order. */
    List<Duration> queriedAt() {
        return List.copyOf(queriedAt);
    }

    /** When {@code /payresult} was first seen answering after a 503, or null. */
    Duration answersAgainAt() {
        return answersAgainAt;
    }

    boolean outageSeen() {
        return outageSeen;
    }

    int queriesDuringOutage() {
        return queriesDuringOutage;
    }

    /** One poll: the recharge, and the status {@code GET /payresult/{txNo}} answered at the same moment. */
    record Sight(RechargeView recharge, int payresultStatus, Duration seenAt) {
    }
}

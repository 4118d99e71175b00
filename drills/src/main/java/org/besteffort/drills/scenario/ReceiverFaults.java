package org.besteffort.drills.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * account-service's fault switches as {@code /ops/faults} shows them: the message deliveries' and the notify URL's.
 *
 * @param slowDeliveriesBy an ISO-8601 duration ("PT0S")
 * @param failNextNotifies the next notifies its notify URL answers 503
 */
record ReceiverFaults(int failNextDeliveries, double failFraction, String slowDeliveriesBy, int failNextNotifies,
                      double notifyFailFraction) {

    /** The switches that are on, "all off" when none is. */
    String describe() {
        List<String> on = new ArrayList<>();
        if (failNextDeliveries != 0) {
            on.add("failNextDeliveries=" + failNextDeliveries);
        }
        if (failFraction != 0) {
            on.add("failFraction=" + failFraction);
        }
        if (slowDeliveriesBy != null && !Duration.parse(slowDeliveriesBy).isZero()) {
            on.add("slowDeliveriesBy=" + slowDeliveriesBy);
        }
        if (failNextNotifies != 0) {
            on.add("failNextNotifies=" + failNextNotifies);
        }
        if (notifyFailFraction != 0) {
            on.add("notifyFailFraction=" + notifyFailFraction);
        }
        return on.isEmpty() ? "all off" : String.join(", ", on);
    }

    boolean allOff() {
        return describe().equals("all off");
    }

    /** A partial change for {@code POST /ops/faults}; a null switch is left as it is. */
    record Change(Integer failNextDeliveries, Double failFraction, String slowDeliveriesBy, Integer failNextNotifies,
                  Double notifyFailFraction) {

        static final Change OFF = new Change(0, 0.0, Duration.ZERO.toString(), 0, 0.0);

        /** The change that puts every switch back as {@code before} showed it. */
        static Change restoring(ReceiverFaults before) {
            return new Change(before.failNextDeliveries(), before.failFraction(), before.slowDeliveriesBy(),
                    before.failNextNotifies(), before.notifyFailFraction());
        }

        Change withFailNextDeliveries(int count) {
            return new Change(count, failFraction, slowDeliveriesBy, failNextNotifies, notifyFailFraction);
        }

        /** Every message delivery fails at this fraction; 1.0: the message path is down. */
        Change withFailFraction(double fraction) {
            return new Change(failNextDeliveries, fraction, slowDeliveriesBy, failNextNotifies, notifyFailFraction);
        }

        Change withFailNextNotifies(int count) {
            return new Change(failNextDeliveries, failFraction, slowDeliveriesBy, count, notifyFailFraction);
        }
    }
}

package org.besteffort.drills.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * account-service's fault switches as {@code /ops/faults} shows them.
 *
 * @param slowDeliveriesBy an ISO-8601 duration ("PT0S")
 */
record ReceiverFaults(int failNextDeliveries, double failFraction, String slowDeliveriesBy) {

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
        return on.isEmpty() ? "all off" : String.join(", ", on);
    }

    boolean allOff() {
        return describe().equals("all off");
    }

    /** A partial change for {@code POST /ops/faults}; a null switch is left as it is. */
    record Change(Integer failNextDeliveries, Double failFraction, String slowDeliveriesBy) {

        static final Change OFF = new Change(0, 0.0, Duration.ZERO.toString());

        /** The change that puts every switch back as {@code before} showed it. */
        static Change restoring(ReceiverFaults before) {
            return new Change(before.failNextDeliveries(), before.failFraction(), before.slowDeliveriesBy());
        }

        Change withFailNextDeliveries(int count) {
            return new Change(count, failFraction, slowDeliveriesBy);
        }
    }
}

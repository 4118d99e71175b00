package org.besteffort.drills.scenario;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * pay-service's fault switches as {@code /ops/faults} shows them.
 *
 * @param payresultUnavailableUntil while in the future, {@code /payresult} answers 503; null when it does not
 */
record NotifierFaults(int dropNextNotifications, double dropFraction, double duplicateFraction,
                      Instant payresultUnavailableUntil) {

    /** The switches that are on, "all off" when none is. */
    String describe(Instant now) {
        List<String> on = new ArrayList<>();
        if (dropNextNotifications != 0) {
            on.add("dropNextNotifications=" + dropNextNotifications);
        }
        if (dropFraction != 0) {
            on.add("dropFraction=" + dropFraction);
        }
        if (duplicateFraction != 0) {
            on.add("duplicateFraction=" + duplicateFraction);
        }
        if (payresultUnavailableUntil != null && payresultUnavailableUntil.isAfter(now)) {
            on.add("payresultUnavailableUntil=" + payresultUnavailableUntil.truncatedTo(ChronoUnit.MILLIS));
        }
        return on.isEmpty() ? "all off" : String.join(", ", on);
    }

    /** Right after one pay with {@code dropNextNotifications} at 1: whether the notifier dropped that pay's message. */
    String dropOfLastPay() {
        if (dropNextNotifications == 0) {
            return "pay-service dropped the notification (dropNextNotifications 1 -> 0): no message is on its way";
        }
        return "pay-service has not used its drop switch (dropNextNotifications still " + dropNextNotifications
                + "): the message may still come";
    }

    boolean allOff(Instant now) {
        return describe(now).equals("all off");
    }

    /**
     * A partial change for {@code POST /ops/faults}; a null switch is left as it is.
     *
     * @param payresultUnavailableFor an ISO-8601 duration ("PT15S"); "PT0S" ends an outage
     */
    record Change(Integer dropNextNotifications, Double dropFraction, Double duplicateFraction,
                  String payresultUnavailableFor) {

        static final Change OFF = new Change(0, 0.0, 0.0, Duration.ZERO.toString());

        /** The change that puts every switch back as {@code before} showed it, at {@code now}. */
        static Change restoring(NotifierFaults before, Instant now) {
            Instant until = before.payresultUnavailableUntil();
            Duration outageLeft = until == null || !until.isAfter(now) ? Duration.ZERO : Duration.between(now, until);
            return new Change(before.dropNextNotifications(), before.dropFraction(), before.duplicateFraction(),
                    outageLeft.toString());
        }

        Change withDropNextNotifications(int count) {
            return new Change(count, dropFraction, duplicateFraction, payresultUnavailableFor);
        }

        Change withPayresultUnavailableFor(Duration outage) {
            return new Change(dropNextNotifications, dropFraction, duplicateFraction, outage.toString());
        }
    }
}

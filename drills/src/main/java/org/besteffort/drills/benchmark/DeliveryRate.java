package org.besteffort.drills.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Notifications acknowledged in each second of a drain, counted from the tasks' {@code succeeded_at}: second 0 starts
 * when the backlog was made due.
 *
 * @param perSecond acknowledgements in second 0, 1, 2, … up to the last one with any; a second without any is 0
 */
record DeliveryRate(List<Long> perSecond) {

    DeliveryRate {
        perSecond = List.copyOf(perSecond);
    }

    /** From counts by second ({@code FLOOR(seconds since the start)}); seconds missing from the map had none. */
    static DeliveryRate of(Map<Long, Long> countBySecond) {
        long last = countBySecond.keySet().stream().mapToLong(Long::longValue).max().orElse(-1);
        List<Long> perSecond = new ArrayList<>();
        for (long second = 0; second <= last; second++) {
            perSecond.add(countBySecond.getOrDefault(second, 0L));
        }
        return new DeliveryRate(perSecond);
    }

    /** The whole seconds: all but the last, which the drain ended during. Empty if it lasted under a second. */
    List<Long> wholeSeconds() {
        return perSecond.isEmpty() ? List.of() : perSecond.subList(0, perSecond.size() - 1);
    }

    double min() {
        return wholeSeconds().stream().mapToLong(Long::longValue).min().orElse(0);
    }

    /** Nearest-rank median of the whole seconds. */
    double median() {
        return Percentiles.of(wholeSeconds().stream().map(Long::doubleValue).toList()).p50();
    }

    double max() {
        return wholeSeconds().stream().mapToLong(Long::longValue).max().orElse(0);
    }
}

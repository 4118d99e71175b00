package org.besteffort.console.timeline;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A pay's whole travel across the three services, as the page shows it.
 *
 * @param status    {@code in flight}, {@code credited}, {@code pay failed}, {@code parked} or {@code expired}
 * @param settledBy which path credited it, such as {@code settled by message}; null until one did
 */
public record TimelineView(String txNo, String accountNo, BigDecimal amount, String status, String settledBy,
                           Instant firstSeen, List<TimelineStep> steps) {
}

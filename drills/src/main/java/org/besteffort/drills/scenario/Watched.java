package org.besteffort.drills.scenario;

import java.time.Duration;

/**
 * How a {@link Watch} ended: the last value it saw, whether that value was the awaited one, and when it saw it.
 */
record Watched<T>(T last, boolean done, Duration at) {
}

package org.besteffort.notify.dispatch;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the dispatcher claims and paces deliveries.
 *
 * @param interval               the longest pause between two looks for due tasks; a finished delivery looks at once
 * @param lease                  how long a claimed task is held by the instance delivering it; longer than a delivery
 *                               can take, so that no task is ever delivered by two instances at once
 * @param maxInFlight            requests in flight at once, all endpoints together
 * @param maxInFlightPerEndpoint requests in flight at once to one endpoint: a slow or dead endpoint holds only these
 * @param jitter                 each gap of a schedule is stretched or shrunk by up to this fraction, so that retries
 *                               of many tasks do not arrive together
 */
@ConfigurationProperties("gateway.dispatch")
record DispatchProperties(@DefaultValue("1s") Duration interval, @DefaultValue("30s") Duration lease,
                          @DefaultValue("64") int maxInFlight, @DefaultValue("8") int maxInFlightPerEndpoint,
                          @DefaultValue("0.1") double jitter) {

    DispatchProperties {
        if (maxInFlight < 1 || maxInFlightPerEndpoint < 1) {
            throw new IllegalArgumentException("gateway.dispatch.max-in-flight and -per-endpoint must be at least 1");
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("gateway.dispatch.jitter must be in [0, 1)");
        }
    }
}

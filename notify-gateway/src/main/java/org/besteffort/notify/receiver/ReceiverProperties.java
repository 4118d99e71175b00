package org.besteffort.notify.receiver;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The receivers the gateway may notify, by id ({@code gateway.receivers.<id>.*}).
 *
 * @param allowPrivateAddresses whether a notify URL may point at a loopback or private address (local profile, tests);
 *                              never elsewhere: nobody may make the gateway call into its own network
 */
@ConfigurationProperties("gateway")
record ReceiverProperties(Map<String, Registration> receivers, boolean allowPrivateAddresses) {

    ReceiverProperties {
        receivers = receivers == null ? Map.of() : Map.copyOf(receivers);
    }

    /**
     * @param secrets      Standard Webhooks secrets, {@code whsec_} + base64
     * @param notifyUrls   the URLs the receiver registered
     * @param ack          what counts as its acknowledgement
     * @param schedule     gaps between attempts, the course's 1m 5m 10m 30m 1h 2h 5h 10h by default
     * @param disableAfter how long an endpoint may fail before it is disabled; 5 days by default, as Svix does
     */
    record Registration(List<String> secrets, List<String> notifyUrls, @DefaultValue("SUCCESS_BODY") AckRule ack,
                        @DefaultValue({"1m", "5m", "10m", "30m", "1h", "2h", "5h", "10h"}) List<Duration> schedule,
                        @DefaultValue("5d") Duration disableAfter) {
    }
}

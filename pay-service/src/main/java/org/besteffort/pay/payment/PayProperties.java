package org.besteffort.pay.payment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Limits of a pay, and whom a pay may ask to have notified over HTTP (scheme 2).
 *
 * @param maxAmount              the largest amount accepted at all; above it the request is rejected (400) and
 *                               nothing is written
 * @param declineAbove           the simulated bank declines larger pays: they are recorded and announced with result
 *                               FAIL
 * @param receivers              the registered receivers by receiverId; a pay may name only these, and only a URL
 *                               its receiver registered
 * @param allowPrivateNotifyUrls whether a notify URL may point at a loopback or private address (local stack and
 *                               compose only, where every receiver is on such an address)
 */
@ConfigurationProperties("pay")
record PayProperties(@DefaultValue("1000000.00") BigDecimal maxAmount,
                     @DefaultValue("10000.00") BigDecimal declineAbove,
                     @DefaultValue Map<String, Receiver> receivers,
                     @DefaultValue("false") boolean allowPrivateNotifyUrls) {

    PayProperties {
        receivers = Map.copyOf(receivers);
    }

    /** The receiver registered under this id, if any. */
    Optional<Receiver> receiver(String receiverId) {
        return receiverId == null ? Optional.empty() : Optional.ofNullable(receivers.get(receiverId));
    }

    /**
     * A receiver registered for scheme 2: where it may be notified over HTTP.
     *
     * @param notifyUrls the exact URLs the receiver registered; a pay's notifyUrl must equal one of them
     */
    record Receiver(@DefaultValue List<String> notifyUrls) {

        Receiver {
            notifyUrls = List.copyOf(notifyUrls);
        }

        /** Whether the receiver registered exactly this URL. */
        boolean registered(String notifyUrl) {
            return notifyUrl != null && notifyUrls.contains(notifyUrl);
        }
    }
}

package org.besteffort.pay.payment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Limits of a pay, whom a pay may ask to have notified over HTTP (scheme 2), and where the cashier may send a payer
 * back.
 *
 * @param maxAmount              the largest amount accepted at all; above it the request is rejected (400) and
 *                               nothing is written
 * @param declineAbove           the simulated bank declines larger pays: they are recorded and announced with result
 *                               FAIL
 * @param receivers              the registered receivers by receiverId; a pay may name only these, and only a URL
 *                               its receiver registered (notify URLs exactly, return URLs by their base)
 * @param allowPrivateNotifyUrls whether a notify URL may point at a loopback or private address (local stack and
 *                               compose only, where every receiver is on such an address)
 * @param walkthroughMerchant    whose pay a keyless {@code /paydo} of the local walkthrough makes when it names no
 *                               receiver: the course's one receiver
 */
@ConfigurationProperties("pay")
record PayProperties(@DefaultValue("1000000.00") BigDecimal maxAmount,
                     @DefaultValue("10000.00") BigDecimal declineAbove,
                     @DefaultValue Map<String, Receiver> receivers,
                     @DefaultValue("false") boolean allowPrivateNotifyUrls,
                     @DefaultValue("bank1") String walkthroughMerchant) {

    PayProperties {
        receivers = Map.copyOf(receivers);
    }

    /** The receiver registered under this id, if any. */
    Optional<Receiver> receiver(String receiverId) {
        return receiverId == null ? Optional.empty() : Optional.ofNullable(receivers.get(receiverId));
    }

    /**
     * A receiver registered for scheme 2: where it may be notified over HTTP, and where the cashier may send a payer
     * back to it.
     *
     * @param notifyUrls the exact URLs the receiver registered; a pay's notifyUrl must equal one of them
     * @param returnUrls the bases of the receiver's return pages (Alipay's {@code return_url}), each an absolute http(s)
     *                   URL whose path ends in {@code /}; the cashier sends a browser only to a URL below one of them
     */
    record Receiver(@DefaultValue List<String> notifyUrls, @DefaultValue List<String> returnUrls) {

        Receiver {
            notifyUrls = List.copyOf(notifyUrls);
            returnUrls = List.copyOf(returnUrls);
            // Checked at start: a base without a path ("http://shop.example") would let a prefix reach another host.
            returnUrls.forEach(ReturnUrls::requireBase);
        }

        /** Whether the receiver registered exactly this URL. */
        boolean registered(String notifyUrl) {
            return notifyUrl != null && notifyUrls.contains(notifyUrl);
        }
    }
}

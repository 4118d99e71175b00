package org.besteffort.account.recharge;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Rules of a recharge started here.
 *
 * @param maxAmount the largest amount accepted; above it the request is rejected and nothing is written
 * @param notifyTo  scheme 2 ({@code recharge.notify}): where pay-service's notify gateway should post the result;
 *                  unset, none is asked for
 */
@ConfigurationProperties("recharge")
record RechargeProperties(@DefaultValue("1000000.00") BigDecimal maxAmount,
                          // Object.notify() takes the natural component name; the property keeps it.
                          @Name("notify") Notify notifyTo) {

    /** The notify target sent with every pay order, if a notify URL is set. */
    Optional<Notify> notifyTarget() {
        return Optional.ofNullable(notifyTo).filter(Notify::isSet);
    }

    /**
     * This receiver as registered at the notify gateway.
     *
     * @param receiverId the registered receiver id (the same as {@code receiver.notify.receiver-id})
     * @param url        one of its registered notify URLs; blank: no notify URL is sent
     */
    record Notify(String receiverId, String url) {

        Notify {
            // pay-service takes both or neither: a URL without a receiver is a configuration mistake.
            if (hasText(url) && !hasText(receiverId)) {
                throw new IllegalArgumentException("recharge.notify.receiver-id must be set with recharge.notify.url");
            }
        }

        boolean isSet() {
            return hasText(url);
        }

        private static boolean hasText(String value) {
            return value != null && !value.isBlank();
        }
    }
}

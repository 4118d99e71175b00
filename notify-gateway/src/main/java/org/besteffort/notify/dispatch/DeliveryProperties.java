package org.besteffort.notify.dispatch;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How one HTTP attempt is made.
 *
 * @param connectTimeout     giving up on connecting after this
 * @param readTimeout        giving up on the answer after this (WeChat Pay gives a receiver 5 s)
 * @param maxResponseExcerpt characters of the receiver's answer kept in the attempt log
 */
@ConfigurationProperties("gateway.delivery")
record DeliveryProperties(@DefaultValue("5s") Duration connectTimeout, @DefaultValue("5s") Duration readTimeout,
                          @DefaultValue("200") int maxResponseExcerpt) {

    /** The longest one attempt can take. */
    Duration longestAttempt() {
        return connectTimeout.plus(readTimeout);
    }
}

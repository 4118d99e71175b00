package org.besteffort.pay.notifier;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How notifications are signed.
 *
 * @param signing the key every notification is signed with; receivers must know its id and secret
 */
@ConfigurationProperties("notifier")
record NotifierProperties(Signing signing) {

    /**
     * @param keyId  sent with each message so that a receiver knows which secret to check it with
     * @param secret the HMAC-SHA256 secret; set it from the environment (NOTIFIER_SIGNING_SECRET) outside a laptop
     */
    record Signing(String keyId, String secret) {
    }
}

package org.besteffort.account.notify;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * Who this receiver is to the notify gateway and which secrets it believes.
 *
 * @param receiverId this receiver's id at the notify gateway; a notification addressed to another id is refused
 * @param secrets    the gateway's signing secrets for this receiver, written {@code whsec_<base64 key>}; a
 *                   notification is believed when any of them verifies it. Rotation: add the new secret, let the
 *                   gateway sign with it, then remove the old one.
 */
@ConfigurationProperties("receiver.notify")
record NotifyProperties(@DefaultValue("bank1") String receiverId, List<String> secrets) {

    NotifyProperties {
        secrets = secrets == null ? List.of() : List.copyOf(secrets);
    }
}

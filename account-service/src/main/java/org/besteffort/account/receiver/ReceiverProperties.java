package org.besteffort.account.receiver;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.Map;

/**
 * How the listener consumes and whom it believes.
 *
 * @param maxReconsumeTimes redeliveries the broker makes after a failed delivery before it moves the message to
 *                          {@code %DLQ%consumer_group_notifymsg_bank1} (16 is RocketMQ's default: about 4h 46m)
 * @param signingKeys       the notifier's signing secrets by key id; a message signed with any other key is parked.
 *                          Rotation: add the new id, switch the notifier to it, then remove the old id.
 */
@ConfigurationProperties("receiver")
record ReceiverProperties(@DefaultValue("16") int maxReconsumeTimes, Map<String, String> signingKeys) {

    ReceiverProperties {
        signingKeys = signingKeys == null ? Map.of() : Map.copyOf(signingKeys);
    }
}

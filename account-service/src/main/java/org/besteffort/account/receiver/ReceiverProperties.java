package org.besteffort.account.receiver;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the listener consumes.
 *
 * @param maxReconsumeTimes redeliveries the broker makes after a failed delivery before it moves the message to
 *                          {@code %DLQ%consumer_group_notifymsg_bank1} (16 is RocketMQ's default: about 4h 46m)
 */
@ConfigurationProperties("receiver")
record ReceiverProperties(@DefaultValue("16") int maxReconsumeTimes) {
}

package org.besteffort.notify.receiver;

import org.besteffort.common.PayResultNotification;

/**
 * What a receiver's answer must be for a notification to count as delivered.
 */
public enum AckRule {
    /** A 2xx status whose whole body is {@code success}: the course's and Alipay's contract. */
    SUCCESS_BODY,
    /** Any 2xx status, whatever the body: WeChat Pay v3 and the Standard Webhooks convention. */
    ANY_2XX;

    /** Whether this answer acknowledges the notification. */
    public boolean acknowledges(int status, String body) {
        boolean ok = status >= 200 && status < 300;
        return switch (this) {
            case SUCCESS_BODY -> ok && body != null && body.strip().equals(PayResultNotification.ACK_BODY);
            case ANY_2XX -> ok;
        };
    }
}

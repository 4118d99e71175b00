package org.besteffort.account.notify;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import org.besteffort.account.receiver.ConditionalOnReceiverChannel;
import org.besteffort.account.receiver.ReceiverChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Believes a notification only if one of the configured secrets signed exactly this id, timestamp and body, and the
 * timestamp is within five minutes of now (the Standard Webhooks rules, checked by the published library).
 */
@Component
@ConditionalOnReceiverChannel(ReceiverChannel.HTTP)
class NotificationVerifier {

    static final String ID_HEADER = "webhook-id";
    static final String TIMESTAMP_HEADER = "webhook-timestamp";
    static final String SIGNATURE_HEADER = "webhook-signature";

    private static final Logger log = LoggerFactory.getLogger(NotificationVerifier.class);

    private final List<Webhook> webhooks = new ArrayList<>();

    NotificationVerifier(NotifyProperties properties) {
        if (properties.secrets().isEmpty()) {
            // Without a secret every notification would be refused: better not to start than to fail each one.
            throw new IllegalStateException("receiver.notify.secrets is empty: the notify_url could verify nothing");
        }
        for (int i = 0; i < properties.secrets().size(); i++) {
            webhooks.add(webhook(properties.secrets().get(i), i));
        }
    }

    /**
     * Returns if any secret verifies the notification.
     *
     * @throws NotificationNotVerified if a header is missing, no signature matches or the timestamp is too far off
     */
    void verify(String webhookId, String timestamp, String signature, String body) {
        Map<String, List<String>> headers = new HashMap<>();
        put(headers, ID_HEADER, webhookId);
        put(headers, TIMESTAMP_HEADER, timestamp);
        put(headers, SIGNATURE_HEADER, signature);
        String reason = null;
        for (Webhook webhook : webhooks) {
            try {
                webhook.verify(body, headers);
                return;
            } catch (WebhookVerificationException e) {
                reason = e.getMessage();
            }
        }
        log.warn("notification {} refused, signature not verified: {}",
                webhookId == null ? "without webhook-id" : webhookId, reason);
        throw new NotificationNotVerified(reason);
    }

    private static void put(Map<String, List<String>> headers, String name, String value) {
        if (value != null) {
            headers.put(name, List.of(value));
        }
    }

    private static Webhook webhook(String secret, int index) {
        try {
            return new Webhook(secret);
        } catch (EmptyWebhookSecretException | IllegalArgumentException e) {
            // Names the position only: a secret never goes into a log.
            throw new IllegalStateException("receiver.notify.secrets[" + index + "] is not a whsec_<base64> secret");
        }
    }
}

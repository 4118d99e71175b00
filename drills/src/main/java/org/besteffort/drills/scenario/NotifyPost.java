package org.besteffort.drills.scenario;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One POST to a notify URL as the gateway makes it: the JSON body exactly as signed, and the Standard Webhooks headers
 * {@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature} (null: the header is left out).
 */
record NotifyPost(String webhookId, String timestamp, String signature, String body) {

    /** Signed by the published library, as the gateway signs: {@code v1,} + HMAC-SHA256 of id.timestamp.body. */
    static NotifyPost signed(String secret, String webhookId, Instant at, String body) {
        try {
            String signature = new Webhook(secret).sign(webhookId, at.getEpochSecond(), body);
            return new NotifyPost(webhookId, Long.toString(at.getEpochSecond()), signature, body);
        } catch (EmptyWebhookSecretException | WebhookSigningException e) {
            throw new IllegalArgumentException("cannot sign with this secret: " + e.getMessage(), e);
        }
    }

    /** The same headers over another body: what an attacker who changes a notification on the way sends. */
    NotifyPost withBody(String otherBody) {
        return new NotifyPost(webhookId, timestamp, signature, otherBody);
    }

    /** The same body without any {@code webhook-*} header. */
    NotifyPost unsigned() {
        return new NotifyPost(null, null, null, body);
    }

    Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        if (webhookId != null) {
            headers.put("webhook-id", webhookId);
        }
        if (timestamp != null) {
            headers.put("webhook-timestamp", timestamp);
        }
        if (signature != null) {
            headers.put("webhook-signature", signature);
        }
        headers.put("notify-attempt", "1");
        return headers;
    }
}

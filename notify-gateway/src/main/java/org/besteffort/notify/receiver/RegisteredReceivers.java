package org.besteffort.notify.receiver;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;
import org.besteffort.common.NotifyUrlPolicy;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The receivers registered with the gateway, checked at start: each has at least one secret, one notify URL and one
 * gap in its schedule, or the gateway refuses to start.
 */
@Component
public class RegisteredReceivers {

    private final Map<String, Receiver> byId = new LinkedHashMap<>();

    private final Map<String, List<Webhook>> signers = new LinkedHashMap<>();

    private final boolean allowPrivateAddresses;

    RegisteredReceivers(ReceiverProperties properties) {
        this.allowPrivateAddresses = properties.allowPrivateAddresses();
        properties.receivers().forEach((id, registration) -> {
            Receiver receiver = new Receiver(id, orEmpty(registration.secrets()), orEmpty(registration.notifyUrls()),
                    registration.ack(), orEmpty(registration.schedule()), registration.disableAfter());
            if (receiver.secrets().isEmpty() || receiver.notifyUrls().isEmpty() || receiver.schedule().isEmpty()) {
                throw new IllegalStateException("gateway.receivers." + id
                        + " needs at least one of each: secrets, notify-urls, schedule");
            }
            byId.put(id, receiver);
            signers.put(id, receiver.secrets().stream().map(RegisteredReceivers::webhook).toList());
        });
    }

    public Optional<Receiver> find(String id) {
        return Optional.ofNullable(id).map(byId::get);
    }

    /**
     * Why the gateway may not call this URL for this receiver, or empty if it may: the receiver must be registered,
     * must have registered the URL, and the URL must not lead into a private network. Checked when a task is kept and
     * again before every attempt (an address can change between the two).
     */
    public Optional<String> refusal(String receiverId, String notifyUrl) {
        Optional<Receiver> receiver = find(receiverId);
        if (receiver.isEmpty()) {
            return Optional.of("unknown receiver " + receiverId);
        }
        if (!receiver.get().registered(notifyUrl)) {
            return Optional.of("notify URL " + notifyUrl + " not registered by " + receiverId);
        }
        return NotifyUrlPolicy.refusal(notifyUrl, allowPrivateAddresses).map(reason -> "notify URL " + reason);
    }

    public List<Receiver> all() {
        return List.copyOf(byId.values());
    }

    /**
     * The {@code webhook-signature} header for this content: one {@code v1,…} per secret of the receiver, separated
     * by spaces (the Standard Webhooks way to rotate a secret without a gap).
     */
    public String sign(String receiverId, String webhookId, long timestampSeconds, String body) {
        return signers.get(receiverId).stream().map(signer -> {
            try {
                return signer.sign(webhookId, timestampSeconds, body);
            } catch (WebhookSigningException e) {
                throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
            }
        }).collect(Collectors.joining(" "));
    }

    private static Webhook webhook(String secret) {
        try {
            return new Webhook(secret);
        } catch (RuntimeException | com.standardwebhooks.exceptions.EmptyWebhookSecretException e) {
            throw new IllegalStateException("a receiver secret is not a whsec_ base64 key: " + e.getMessage(), e);
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}

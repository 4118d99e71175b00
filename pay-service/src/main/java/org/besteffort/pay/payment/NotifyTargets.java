package org.besteffort.pay.payment;

import org.besteffort.common.NotifyUrlPolicy;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Decides whether a pay may name its notify target: a registered receiver, one of the URLs it registered, and an
 * address the notify URL policy allows, so that nobody can make the provider call wherever they like (SSRF).
 */
@Component
class NotifyTargets {

    private final PayProperties properties;

    NotifyTargets(PayProperties properties) {
        this.properties = properties;
    }

    /**
     * Passes when the request names no target, or a target that may be notified.
     *
     * @throws ReceiverNotRegistered if the receiverId is not registered
     * @throws NotifyUrlNotAllowed   if the receiver did not register the URL, or the URL's address is refused
     */
    void check(PayRequest request) {
        if (request.receiverId() == null && request.notifyUrl() == null) {
            return;
        }
        PayProperties.Receiver receiver = properties.receiver(request.receiverId())
                .orElseThrow(() -> new ReceiverNotRegistered(request.receiverId()));
        // Registration first: a URL nobody registered is refused without resolving its host.
        if (!receiver.registered(request.notifyUrl())) {
            throw new NotifyUrlNotAllowed(request.notifyUrl(),
                    "is not a notify URL receiver " + request.receiverId() + " registered");
        }
        // Checked on every pay, not once at start: a registered host name may come to resolve to a private address.
        Optional<String> refusal = NotifyUrlPolicy.refusal(request.notifyUrl(), properties.allowPrivateNotifyUrls());
        if (refusal.isPresent()) {
            throw new NotifyUrlNotAllowed(request.notifyUrl(), "notify URL " + refusal.get());
        }
    }
}

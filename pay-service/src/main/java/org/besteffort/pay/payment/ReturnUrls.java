package org.besteffort.pay.payment;

import org.springframework.stereotype.Component;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Decides where the cashier may send a payer's browser back: only below a return URL base its receiver registered, so
 * that nobody can use the provider's page to redirect a payer wherever they like (an open redirect).
 */
@Component
public class ReturnUrls {

    private final PayProperties properties;

    ReturnUrls(PayProperties properties) {
        this.properties = properties;
    }

    /**
     * The return URL, normalised, if the receiver registered a base it lies below: same scheme, host and port, and a
     * path that starts with the base's path once {@code .} and {@code ..} are resolved. Compared as parsed URLs, never
     * as strings, so that {@code http://127.0.0.1:8082@evil.example/} does not pass for a URL of 127.0.0.1:8082.
     *
     * @throws ReceiverNotRegistered if the receiverId is not registered
     * @throws ReturnUrlNotAllowed   if the URL is malformed, or below no base the receiver registered
     */
    public URI check(String receiverId, String returnUrl) {
        PayProperties.Receiver receiver = properties.receiver(receiverId)
                .orElseThrow(() -> new ReceiverNotRegistered(receiverId));
        URI target = parse(returnUrl);
        if (target == null || target.getRawUserInfo() != null || target.getRawFragment() != null) {
            throw new ReturnUrlNotAllowed(returnUrl, "is not an absolute http(s) URL without user info or fragment");
        }
        if (receiver.returnUrls().stream().map(URI::create).noneMatch(base -> below(target, base))) {
            throw new ReturnUrlNotAllowed(returnUrl, "is not below a return URL receiver " + receiverId
                    + " registered");
        }
        return target;
    }

    /** Refuses, at start, a registered base that a prefix comparison could not keep on its own host. */
    static void requireBase(String base) {
        URI uri = parse(base);
        if (uri == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null
                || !uri.getRawPath().endsWith("/")) {
            throw new IllegalArgumentException("return URL base " + base
                    + " must be an absolute http(s) URL whose path ends in '/', without query or fragment");
        }
    }

    private static boolean below(URI target, URI base) {
        return target.getScheme().equalsIgnoreCase(base.getScheme())
                && target.getHost().equalsIgnoreCase(base.getHost())
                && port(target) == port(base)
                && target.getRawPath().startsWith(base.getRawPath());
    }

    /** An absolute http(s) URL with a host and a path, in plain ASCII, normalised; null for anything else. */
    private static URI parse(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url).normalize();
            String path = uri.getRawPath();
            if (path == null || !uri.toASCIIString().equals(uri.toString())
                    || path.toLowerCase(Locale.ROOT).contains("%2e")) {
                // Non-ASCII characters cannot be sent back as they are, and an encoded dot is a ".." the browser, not
                // this comparison, would resolve: refuse both before anything is paid.
                return null;
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean web = scheme.equals("http") || scheme.equals("https");
            return web && uri.getHost() != null && uri.getRawPath() != null && uri.getRawPath().startsWith("/")
                    ? uri : null;
        } catch (URISyntaxException malformed) {
            return null;
        }
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }
}

package org.besteffort.common;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which addresses a notify URL may point at: the rule both the notifier ({@code /paydo}) and the notify gateway (before
 * each delivery) apply, so that nobody can make the provider call into its own network (server-side request forgery).
 *
 * <p>Only {@code http} and {@code https} with a host; and, unless private addresses are allowed (the local profile and
 * tests, where every receiver is on 127.0.0.1), none that resolves to a loopback, private, link-local, wildcard or
 * multicast address.
 */
public final class NotifyUrlPolicy {

    private NotifyUrlPolicy() {
    }

    /**
     * Why the URL may not be called, or empty if it may.
     *
     * @param allowPrivate whether loopback and private addresses are allowed
     */
    public static Optional<String> refusal(String url, boolean allowPrivate) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            return Optional.of("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            return Optional.of("must name a host and no user info");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (isPrivate(address)) {
                    return Optional.of("resolves to a private or loopback address (" + address.getHostAddress() + ")");
                }
            }
        } catch (UnknownHostException e) {
            return Optional.of("names a host that does not resolve");
        }
        return Optional.empty();
    }

    private static boolean isPrivate(InetAddress address) {
        byte[] bytes = address.getAddress();
        // fc00::/7, unique local IPv6, is not covered by isSiteLocalAddress
        boolean uniqueLocalV6 = bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
        // 100.64.0.0/10, carrier-grade NAT, is private in practice too
        boolean sharedV4 = bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
        return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress() || uniqueLocalV6 || sharedV4;
    }
}

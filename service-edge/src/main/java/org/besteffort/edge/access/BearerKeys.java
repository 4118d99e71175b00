package org.besteffort.edge.access;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Recognises a presented key: the receiver or operator it names, or nobody. Every configured key is compared, each as
 * a SHA-256 digest in constant time, so that neither the time taken nor the key's length tells how close a guess was.
 */
final class BearerKeys {

    private record Holder(String name, String role, byte[] digest) {
    }

    private final List<Holder> holders = new ArrayList<>();

    BearerKeys(AccessProperties properties) {
        add(properties.receivers(), Roles.RECEIVER);
        add(properties.operators(), Roles.OPERATOR);
    }

    private void add(Map<String, String> keys, String role) {
        keys.forEach((name, key) -> {
            if (key == null || key.isBlank()) {
                throw new IllegalStateException("edge.access: the key of " + role.toLowerCase() + " " + name
                        + " is empty");
            }
            holders.add(new Holder(name, role, digest(key)));
        });
    }

    /** The caller this key names, or null when no configured key matches it. */
    Authentication recognise(String presented) {
        byte[] digest = digest(presented);
        Holder found = null;
        for (Holder holder : holders) {
            if (MessageDigest.isEqual(digest, holder.digest()) && found == null) {
                found = holder;
            }
        }
        return found == null ? null : caller(found.name(), found.role());
    }

    static Authentication caller(String name, String... roles) {
        String[] authorities = new String[roles.length];
        for (int i = 0; i < roles.length; i++) {
            authorities[i] = "ROLE_" + roles[i];
        }
        return UsernamePasswordAuthenticationToken.authenticated(name, null,
                AuthorityUtils.createAuthorityList(authorities));
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}

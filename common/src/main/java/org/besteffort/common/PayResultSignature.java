package org.besteffort.common;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * How a notification proves it comes from the notifier: an HMAC-SHA256 over the exact body bytes, sent with the id
 * of the key that made it, so that secrets can be rotated (both ids valid for a while, then the old one removed).
 *
 * <p>The body is signed as sent: a receiver that changed a single byte (an amount, a txNo) gets another MAC.
 */
public final class PayResultSignature {

    /** RocketMQ user property holding the id of the signing key. */
    public static final String KEY_ID_PROPERTY = "SIGN_KEY_ID";

    /** RocketMQ user property holding the Base64 HMAC-SHA256 of the body. */
    public static final String SIGNATURE_PROPERTY = "SIGNATURE";

    private static final String ALGORITHM = "HmacSHA256";

    private PayResultSignature() {
    }

    /** The Base64 HMAC-SHA256 of {@code body} under {@code secret}. */
    public static String sign(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Whether {@code signature} is the MAC of {@code body} under {@code secret}, compared in constant time. */
    public static boolean verify(byte[] body, String signature, String secret) {
        if (signature == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(body, secret).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }
}

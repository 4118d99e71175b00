package org.besteffort.common;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONReader;
import com.alibaba.fastjson2.JSONWriter;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * The notification the notifier sends after a pay commits: the fact "pay txNo ended with result".
 *
 * <p>On the wire it is UTF-8 JSON written and read by fastjson2. The amount travels as an exact decimal
 * (never through {@code double}), the time as an ISO-8601 instant, and fields this version does not know
 * are ignored so that a newer notifier can add some without breaking an older receiver.
 *
 * @param schemaVersion the contract version, {@link #SCHEMA_VERSION} for messages written by this code
 * @param txNo          the business key of the pay, also the RocketMQ message key
 * @param accountNo     the account the pay is for
 * @param amount        the amount paid, scale 2
 * @param result        how the pay ended
 * @param paidAt        when the pay committed at the notifier
 * @param receiverId    scheme 2: the registered receiver (merchant) to notify over HTTP; null when nobody asked
 * @param notifyUrl     scheme 2: where the notify gateway posts the result, one of the receiver's registered URLs
 */
public record PayResultMessage(int schemaVersion, String txNo, String accountNo, BigDecimal amount,
                               PayResult result, Instant paidAt, String receiverId, String notifyUrl) {

    /** The version of the contract this code writes. */
    public static final int SCHEMA_VERSION = 1;

    public PayResultMessage {
        Objects.requireNonNull(txNo, "txNo");
        Objects.requireNonNull(accountNo, "accountNo");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(paidAt, "paidAt");
    }

    /** A message in the current schema version, for a pay nobody asked to be notified of over HTTP. */
    public static PayResultMessage of(String txNo, String accountNo, BigDecimal amount, PayResult result,
                                      Instant paidAt) {
        return of(txNo, accountNo, amount, result, paidAt, null, null);
    }

    /** A message in the current schema version; receiverId and notifyUrl name where scheme 2 notifies it. */
    public static PayResultMessage of(String txNo, String accountNo, BigDecimal amount, PayResult result,
                                      Instant paidAt, String receiverId, String notifyUrl) {
        return new PayResultMessage(SCHEMA_VERSION, txNo, accountNo, amount, result, paidAt, receiverId, notifyUrl);
    }

    /** Whether the pay asked to be notified over HTTP (scheme 2) as well. */
    public boolean wantsHttpNotify() {
        return receiverId != null && notifyUrl != null;
    }

    /** The wire form: UTF-8 JSON, amounts as plain decimals. */
    public byte[] toJson() {
        return JSON.toJSONBytes(this, JSONWriter.Feature.WriteBigDecimalAsPlain);
    }

    /**
     * Reads the wire form; unknown fields are ignored, numbers are read as exact decimals.
     *
     * @throws IllegalArgumentException if the bytes are not a complete message
     */
    public static PayResultMessage fromJson(byte[] json) {
        try {
            PayResultMessage message = JSON.parseObject(new String(json, StandardCharsets.UTF_8),
                    PayResultMessage.class, JSONReader.Feature.UseBigDecimalForDoubles);
            if (message == null) {
                throw new IllegalArgumentException("empty pay result message");
            }
            return message;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unreadable pay result message: " + e.getMessage(), e);
        }
    }
}

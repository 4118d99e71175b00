package org.besteffort.common;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONReader;
import com.alibaba.fastjson2.JSONWriter;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * Scheme 2's notification: the body the notify gateway POSTs to a receiver's {@code notify_url}, signed the Standard
 * Webhooks way (headers {@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature}).
 *
 * <p>UTF-8 JSON like {@link PayResultMessage}; the receiver checks {@code receiverId} is its own and that the pay
 * matches what it knows before it believes the result (Alipay's advice to merchants).
 *
 * @param type       always {@link #TYPE}, so that a receiver can tell event kinds apart
 * @param receiverId the registered receiver this notification is for
 * @param txNo       the business key of the pay
 * @param accountNo  the account the pay is for
 * @param amount     the amount paid, scale 2
 * @param result     how the pay ended
 * @param paidAt     when the pay committed at the notifier
 */
public record PayResultNotification(String type, String receiverId, String txNo, String accountNo, BigDecimal amount,
                                    PayResult result, Instant paidAt) {

    /** The event type of a pay result. */
    public static final String TYPE = "pay.result";

    /** What a receiver answers, as the whole body, to acknowledge a notification (Alipay's and the course's rule). */
    public static final String ACK_BODY = "success";

    public PayResultNotification {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(receiverId, "receiverId");
        Objects.requireNonNull(txNo, "txNo");
        Objects.requireNonNull(accountNo, "accountNo");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(paidAt, "paidAt");
    }

    /** The notification of a pay result announced on the topic for this receiver. */
    public static PayResultNotification of(PayResultMessage message) {
        return new PayResultNotification(TYPE, message.receiverId(), message.txNo(), message.accountNo(),
                message.amount(), message.result(), message.paidAt());
    }

    /** The same result as the message the receiver's applier takes from every path. */
    public PayResultMessage toMessage() {
        return PayResultMessage.of(txNo, accountNo, amount, result, paidAt);
    }

    /** The wire form: UTF-8 JSON, amounts as plain decimals. */
    public String toJson() {
        return JSON.toJSONString(this, JSONWriter.Feature.WriteBigDecimalAsPlain);
    }

    /**
     * Reads the wire form; unknown fields are ignored, numbers are read as exact decimals.
     *
     * @throws IllegalArgumentException if the text is not a complete notification
     */
    public static PayResultNotification fromJson(String json) {
        try {
            PayResultNotification notification = JSON.parseObject(json, PayResultNotification.class,
                    JSONReader.Feature.UseBigDecimalForDoubles);
            if (notification == null) {
                throw new IllegalArgumentException("empty notification");
            }
            return notification;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unreadable notification: " + e.getMessage(), e);
        }
    }

    /** Bytes for a caller that has them. */
    public static PayResultNotification fromJson(byte[] json) {
        return fromJson(new String(json, StandardCharsets.UTF_8));
    }
}

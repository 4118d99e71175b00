package org.besteffort.pay.notifier;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How notifications are signed, and how they are made to follow their pay.
 *
 * @param signing       the key every notification is signed with; receivers must know its id and secret
 * @param sendMode      after-commit (best effort, the default), outbox or transactional: see {@link SendMode}
 * @param outbox        the relay of {@code send-mode: outbox}
 * @param transactional the half messages of {@code send-mode: transactional}
 */
@ConfigurationProperties("notifier")
public record NotifierProperties(Signing signing, @DefaultValue("after-commit") SendMode sendMode,
                                 @DefaultValue Outbox outbox, @DefaultValue Transactional transactional) {

    /**
     * @param keyId  sent with each message so that a receiver knows which secret to check it with
     * @param secret the HMAC-SHA256 secret; set it from the environment (NOTIFIER_SIGNING_SECRET) outside a laptop
     */
    public record Signing(String keyId, String secret) {
    }

    /**
     * @param pollEvery how often the relay looks for rows when no pay of this instance woke it (another instance's
     *                  rows, rows a killed relay left)
     * @param lease     how long a relay that claimed rows has to publish them before another relay may take them over
     * @param batch     how many rows one claim takes
     * @param retention  how long a sent row is kept before it is purged
     * @param purgeEvery how often the relay purges sent rows older than that
     */
    public record Outbox(@DefaultValue("1s") Duration pollEvery, @DefaultValue("10s") Duration lease,
                         @DefaultValue("100") int batch, @DefaultValue("1d") Duration retention,
                         @DefaultValue("1m") Duration purgeEvery) {
    }

    /**
     * @param rollbackAfter how old a half message must be before a check-back that finds no pay rolls it back;
     *                      younger, the answer is "unknown, ask again" as its pay may still be committing. Keep it
     *                      below the broker's {@code transactionCheckInterval × transactionCheckMax}
     * @param checkThreads  threads answering the broker's check-backs (rocketmq-spring leaves one)
     */
    public record Transactional(@DefaultValue("30s") Duration rollbackAfter, @DefaultValue("4") int checkThreads) {
    }
}

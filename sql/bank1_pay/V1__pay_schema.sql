-- pay-service (the notifier, 充值系统): every pay it has recorded.
-- Version 1: the schema exactly as the pre-Flyway scripts made it, so a database they made is taken over at this
-- version (baseline). Never edit an applied migration: add the next version beside it.

CREATE TABLE account_pay (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    tx_no       VARCHAR(64)   NOT NULL COMMENT 'business key of the pay, also the RocketMQ message key',
    account_no  VARCHAR(32)   NOT NULL COMMENT 'the account the pay is for',
    pay_amount  DECIMAL(18,2) NOT NULL,
    result      VARCHAR(16)   NOT NULL COMMENT 'SUCCESS or FAIL',
    receiver_id VARCHAR(32)   NULL     COMMENT 'scheme 2: the registered receiver to notify over HTTP, NULL if none',
    notify_url  VARCHAR(512)  NULL     COMMENT 'scheme 2: where to notify it, one of the URLs it registered',
    created_at  DATETIME(3)   NOT NULL,
    updated_at  DATETIME(3)   NOT NULL COMMENT 'when the result was last written (UTC)',
    PRIMARY KEY (id),
    UNIQUE KEY uk_account_pay_tx_no (tx_no),
    -- statements page by (updated_at, tx_no): keyset paging needs exactly this order
    KEY idx_account_pay_statement (updated_at, tx_no)
) ENGINE = InnoDB;

-- notifier.send-mode=outbox (the local message table, 本地消息表): the message is written in the pay's own transaction,
-- and a relay publishes due rows to topic_notifymsg and marks them sent. Sent rows are purged after a retention period.
CREATE TABLE pay_outbox (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    tx_no        VARCHAR(64)  NOT NULL COMMENT 'the pay this message announces, also its RocketMQ key',
    payload      TEXT         NOT NULL COMMENT 'the message body (PayResultMessage JSON); signed when published',
    created_at   DATETIME(3)  NOT NULL,
    leased_until DATETIME(3)  NOT NULL COMMENT 'a relay that claimed it publishes it until then; after that anyone may (UTC)',
    publishes    INT          NOT NULL DEFAULT 0 COMMENT 'how many times a relay claimed it to publish it',
    sent_at      DATETIME(3)  NULL     COMMENT 'when the broker accepted it; NULL while still to send',
    PRIMARY KEY (id),
    -- the relay's claim: unsent rows whose lease has run out, oldest first; and the purge of old sent rows
    KEY idx_pay_outbox_due (sent_at, leased_until, id)
) ENGINE = InnoDB;

-- notifier.send-mode=transactional (RocketMQ half messages): the half messages the broker asked about whose pay was
-- still absent long after they were prepared, and which were therefore rolled back. The pay's local transaction reads
-- this row before it commits, so a pay can never commit after its half message was rolled back.
CREATE TABLE pay_half_message_rollback (
    half_message_id VARCHAR(64) NOT NULL COMMENT 'the id pay-service gave the half message (its halfMessageId property)',
    tx_no           VARCHAR(64) NOT NULL,
    decided_at      DATETIME(3) NOT NULL,
    PRIMARY KEY (half_message_id)
) ENGINE = InnoDB;

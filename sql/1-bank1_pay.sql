-- pay-service (the notifier, 充值系统): every pay it has recorded.
-- Idempotent: safe to run on every start of the local stack.
CREATE DATABASE IF NOT EXISTS bank1_pay DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
USE bank1_pay;

CREATE TABLE IF NOT EXISTS account_pay (
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

-- account-service (the receiver, 账户系统): balances, the applied-notification ledger,
-- Version 1: the schema exactly as the pre-Flyway scripts made it, so a database they made is taken over at this
-- version (baseline). Never edit an applied migration: add the next version beside it.
-- the recharges it waits for, and what it had to park.

CREATE TABLE account_info (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    account_no      VARCHAR(32)   NOT NULL,
    account_name    VARCHAR(64)   NOT NULL,
    account_balance DECIMAL(18,2) NOT NULL DEFAULT 0.00,
    PRIMARY KEY (id),
    UNIQUE KEY uk_account_info_account_no (account_no)
) ENGINE = InnoDB;

-- One row per pay result applied to a balance. The primary key is the idempotency guard:
-- a second insert of the same tx_no fails, so the balance is credited at most once.
CREATE TABLE de_duplication (
    tx_no   VARCHAR(64) NOT NULL,
    created DATETIME(3) NOT NULL,
    PRIMARY KEY (tx_no)
) ENGINE = InnoDB;

-- The recharges account-service knows of: those it started (and waits for) and those it was told about.
-- The reconciliation job claims PENDING rows whose next_attempt_at has come.
CREATE TABLE account_recharge (
    tx_no           VARCHAR(64)   NOT NULL,
    account_no      VARCHAR(32)   NOT NULL,
    amount          DECIMAL(18,2) NOT NULL,
    status          VARCHAR(16)   NOT NULL COMMENT 'PENDING, SETTLED, FAILED or EXPIRED',
    settled_by      VARCHAR(16)   NULL     COMMENT 'MESSAGE, NOTIFY, RECONCILIATION or STATEMENT once SETTLED',
    settled_attempt INT           NULL     COMMENT 'which delivery (MESSAGE), notify attempt (NOTIFY) or query (RECONCILIATION) settled it',
    origin          VARCHAR(16)   NOT NULL COMMENT 'STARTED_HERE (POST /recharges) or ANNOUNCED (learnt from a notification)',
    attempts        INT           NOT NULL DEFAULT 0 COMMENT 'reconciliation queries made so far',
    next_attempt_at DATETIME(3)   NOT NULL COMMENT 'when reconciliation may claim it next (UTC)',
    created_at      DATETIME(3)   NOT NULL,
    updated_at      DATETIME(3)   NOT NULL,
    PRIMARY KEY (tx_no),
    KEY idx_account_recharge_due (status, next_attempt_at)
) ENGINE = InnoDB;

-- Notifications that can never be applied (unknown account, unreadable body): acknowledged to the broker,
-- kept here for an operator instead of being retried forever. Also the notify_url's refusals (another receiver's
-- notification, an amount other than the recharge's), which the notify gateway keeps as failing.
CREATE TABLE parked_notification (
    id         BIGINT        NOT NULL AUTO_INCREMENT,
    tx_no      VARCHAR(64)   NOT NULL,
    account_no VARCHAR(32)   NULL,
    amount     DECIMAL(18,2) NULL,
    reason     VARCHAR(255)  NOT NULL,
    payload    TEXT          NULL,
    times_seen INT           NOT NULL DEFAULT 1,
    parked_at  DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_parked_notification_tx_no (tx_no)
) ENGINE = InnoDB;

-- Where the statement job stands in pay-service's statement, and which instance may read on (lease).
CREATE TABLE reconciliation_cursor (
    name         VARCHAR(64)  NOT NULL,
    cursor_value VARCHAR(255) NULL     COMMENT 'opaque cursor of pay-service /statements; NULL = from the start',
    leased_until DATETIME(3)  NOT NULL COMMENT 'the instance that leased it reads pages until then (UTC)',
    updated_at   DATETIME(3)  NOT NULL,
    PRIMARY KEY (name)
) ENGINE = InnoDB;

INSERT INTO reconciliation_cursor (name, cursor_value, leased_until, updated_at) VALUES
    ('statement', NULL, '1970-01-01 00:00:00.000', '1970-01-01 00:00:00.000');

-- The course's account plus a few more to play with.
INSERT INTO account_info (account_no, account_name, account_balance) VALUES
    ('1', '张三', 0.00),
    ('2', '李四', 0.00),
    ('3', '王五', 0.00),
    ('4', 'Alice', 0.00),
    ('5', 'Bob', 0.00);

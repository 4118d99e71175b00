-- notify-gateway (the notify program, 通知程序, scheme 2): the notifications it owes to receivers over HTTP.
-- Version 1: the schema exactly as the pre-Flyway scripts made it, so a database they made is taken over at this
-- version (baseline). Never edit an applied migration: add the next version beside it.
-- Its own schema, as the course material advises for the notification store.

-- One row per registered receiver's notify URL that a pay named. An operator disables and enables it; the
-- dispatcher pauses it while it asks for time (429/503 with Retry-After) and disables it after failing too long.
CREATE TABLE notify_endpoint (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    receiver_id     VARCHAR(32)   NOT NULL,
    notify_url      VARCHAR(512)  NOT NULL,
    status          VARCHAR(16)   NOT NULL COMMENT 'ENABLED or DISABLED',
    disabled_reason VARCHAR(255)  NULL,
    failing_since   DATETIME(3)   NULL     COMMENT 'first failure since its last success (UTC)',
    paused_until    DATETIME(3)   NOT NULL COMMENT 'no delivery before this (Retry-After) (UTC)',
    updated_at      DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_notify_endpoint (receiver_id, notify_url(255))
) ENGINE = InnoDB;

-- One row per (pay, receiver): the notification owed. PENDING until the receiver acknowledges it (SUCCEEDED) or the
-- schedule is exhausted (FAILED, kept for the operator). A claim leases it by moving next_attempt_at forward.
CREATE TABLE notify_task (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    tx_no           VARCHAR(64)   NOT NULL,
    receiver_id     VARCHAR(32)   NOT NULL,
    endpoint_id     BIGINT        NOT NULL,
    webhook_id      VARCHAR(100)  NOT NULL COMMENT 'the Standard Webhooks id: the same on every attempt',
    payload         TEXT          NOT NULL COMMENT 'the JSON body posted, exactly as signed',
    status          VARCHAR(16)   NOT NULL COMMENT 'PENDING, SUCCEEDED or FAILED',
    attempts        INT           NOT NULL DEFAULT 0 COMMENT 'attempts since created or last reset by an operator',
    next_attempt_at DATETIME(3)   NOT NULL COMMENT 'due from then; a claim moves it to the end of its lease (UTC)',
    claim_token     VARCHAR(36)   NULL     COMMENT 'who holds the current lease; a late answer under an old one is ignored',
    last_status     INT           NULL     COMMENT 'HTTP status of the last attempt',
    last_error      VARCHAR(255)  NULL,
    paid_at         DATETIME(3)   NOT NULL COMMENT 'when the pay committed at the notifier',
    created_at      DATETIME(3)   NOT NULL,
    updated_at      DATETIME(3)   NOT NULL,
    succeeded_at    DATETIME(3)   NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_notify_task (tx_no, receiver_id),
    KEY idx_notify_task_due (endpoint_id, status, next_attempt_at),
    KEY idx_notify_task_receiver (receiver_id, status, updated_at)
) ENGINE = InnoDB;

-- Every HTTP attempt, kept: what the operator reads when a receiver says "we never got it".
CREATE TABLE notify_attempt (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    task_id          BIGINT        NOT NULL,
    attempt_no       INT           NOT NULL,
    started_at       DATETIME(3)   NOT NULL,
    latency_ms       INT           NOT NULL,
    http_status      INT           NULL     COMMENT 'NULL when no answer came (timeout, refused connection)',
    outcome          VARCHAR(16)   NOT NULL COMMENT 'ACKED, REFUSED, THROTTLED, GONE or UNREACHABLE',
    response_excerpt VARCHAR(255)  NULL,
    error            VARCHAR(255)  NULL,
    PRIMARY KEY (id),
    KEY idx_notify_attempt_task (task_id, attempt_no)
) ENGINE = InnoDB;

-- Who did what to which task or endpoint, and when: every operator action.
CREATE TABLE operator_action (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    operator   VARCHAR(64)  NOT NULL,
    action     VARCHAR(32)  NOT NULL COMMENT 'RENOTIFY, RECOVER, DISABLE_ENDPOINT or ENABLE_ENDPOINT',
    target     VARCHAR(255) NOT NULL,
    detail     VARCHAR(255) NULL,
    created_at DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY idx_operator_action_time (created_at)
) ENGINE = InnoDB;

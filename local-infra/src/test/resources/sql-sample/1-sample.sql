-- A script written like the project's sql/ scripts: its own database, comments, multi-line statements, Chinese text.
CREATE DATABASE IF NOT EXISTS infra_sample DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
USE infra_sample;

CREATE TABLE IF NOT EXISTS account_info (
    account_no      VARCHAR(32)   NOT NULL,
    account_name    VARCHAR(64)   NOT NULL COMMENT '账户名',
    account_balance DECIMAL(18,2) NOT NULL DEFAULT 0.00,
    updated_at      DATETIME(3)   NOT NULL,
    PRIMARY KEY (account_no)
) ENGINE = InnoDB;

-- Idempotent seed: running the script again changes nothing.
INSERT IGNORE INTO account_info (account_no, account_name, account_balance, updated_at) VALUES
    ('1', '张三', 0.00, '2024-01-01 00:00:00.000'),
    ('2', '李四', 0.00, '2024-01-01 00:00:00.000');

-- A migration written like the project's sql/ ones: comments, multi-line statements, Chinese text.
CREATE TABLE account_info (
    account_no      VARCHAR(32)   NOT NULL,
    account_name    VARCHAR(64)   NOT NULL COMMENT '账户名',
    account_balance DECIMAL(18,2) NOT NULL DEFAULT 0.00,
    updated_at      DATETIME(3)   NOT NULL,
    PRIMARY KEY (account_no)
) ENGINE = InnoDB;

INSERT INTO account_info (account_no, account_name, account_balance, updated_at) VALUES
    ('1', '张三', 0.00, '2024-01-01 00:00:00.000'),
    ('2', '李四', 0.00, '2024-01-01 00:00:00.000');

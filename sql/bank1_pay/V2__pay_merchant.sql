-- Version 2: every pay belongs to the merchant (receiver) that made it, and only that receiver may query it
-- (/payresult and /statements authenticate the caller; docs in the README, "Who may call what"). A pay recorded
-- before this version was made for the course's one receiver, bank1, unless it named another to notify.
ALTER TABLE account_pay
    ADD COLUMN merchant_id VARCHAR(32) NULL COMMENT 'the receiver the pay belongs to: the only one that may query it'
        AFTER result;
UPDATE account_pay SET merchant_id = COALESCE(receiver_id, 'bank1');
ALTER TABLE account_pay
    MODIFY merchant_id VARCHAR(32) NOT NULL COMMENT 'the receiver the pay belongs to: the only one that may query it',
    -- a receiver's statement pages by (updated_at, tx_no) among its own pays
    ADD KEY idx_account_pay_merchant_statement (merchant_id, updated_at, tx_no);

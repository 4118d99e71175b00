package org.besteffort.pay.notifier.transactional;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.besteffort.common.PayResultMessage;

import java.time.Instant;
import java.util.Optional;

/**
 * SQL over {@code bank1_pay} for the broker's check-backs: the pay a half message announces, and the half messages
 * rolled back because their pay never came.
 */
@Mapper
interface HalfMessageMapper {

    /**
     * The recorded pay, as its message says it. A locking read: a pay whose transaction is still open is waited for,
     * and an absent one is kept absent (gap lock) until the caller's transaction ends.
     */
    @Select("""
            SELECT 1 AS schema_version, tx_no, account_no, pay_amount AS amount, result, created_at AS paid_at,
                   receiver_id, notify_url
            FROM account_pay WHERE tx_no = #{txNo} LOCK IN SHARE MODE
            """)
    Optional<PayResultMessage> recordedPay(String txNo);

    /** Records that this half message was rolled back; a second check-back for it changes nothing. */
    @Insert("""
            INSERT IGNORE INTO pay_half_message_rollback (half_message_id, tx_no, decided_at)
            VALUES (#{halfMessageId}, #{txNo}, #{decidedAt})
            """)
    void recordRollback(String halfMessageId, String txNo, Instant decidedAt);

    /** In the pay's transaction, after its insert: whether its half message was rolled back meanwhile. */
    @Select("SELECT COUNT(*) > 0 FROM pay_half_message_rollback WHERE half_message_id = #{halfMessageId} "
            + "LOCK IN SHARE MODE")
    boolean rolledBack(String halfMessageId);
}

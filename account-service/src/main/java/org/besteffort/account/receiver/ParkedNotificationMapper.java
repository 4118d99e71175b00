package org.besteffort.account.receiver;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * SQL over {@code bank1.parked_notification}: results that can never be applied, kept for an operator.
 */
@Mapper
interface ParkedNotificationMapper {

    /** Parks a notification once per txNo; seeing it again only counts. */
    @Insert("""
            INSERT INTO parked_notification (tx_no, account_no, amount, reason, payload, times_seen, parked_at)
            VALUES (#{txNo}, #{accountNo}, #{amount}, #{reason}, #{payload}, 1, #{now})
            ON DUPLICATE KEY UPDATE times_seen = times_seen + 1
            """)
    void park(String txNo, String accountNo, BigDecimal amount, String reason, String payload, Instant now);

    /** The newest parked notifications first. */
    @Select("""
            SELECT tx_no, account_no, amount, reason, payload, times_seen, parked_at
            FROM parked_notification ORDER BY id DESC LIMIT #{limit}
            """)
    List<ParkedNotification> newest(int limit);
}

package org.besteffort.account.recharge;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * SQL over {@code bank1.account_recharge}: recording recharges, settling them, and claiming the due ones.
 */
@Mapper
public interface RechargeMapper {

    @Insert("""
            INSERT INTO account_recharge
                (tx_no, account_no, amount, status, origin, attempts, next_attempt_at, created_at, updated_at)
            VALUES (#{txNo}, #{accountNo}, #{amount}, 'PENDING', 'STARTED_HERE', 0, #{now}, #{now}, #{now})
            """)
    void insertPending(String txNo, String accountNo, BigDecimal amount, Instant now);

    @Select("""
            SELECT tx_no, account_no, amount, status, settled_by, settled_attempt, origin, attempts, next_attempt_at,
                   created_at, updated_at
            FROM account_recharge WHERE tx_no = #{txNo}
            """)
    Optional<Recharge> findByTxNo(String txNo);

    /**
     * Marks a recharge this receiver knows of settled, if the pay is the one it waits for: same account, same amount.
     * Only the applier that won the {@code de_duplication} insert calls this, so it runs once per txNo.
     *
     * @return 1 if it did; 0 if there is no such recharge, or one that names another account or amount
     */
    @Update("""
            UPDATE account_recharge SET status = 'SETTLED', settled_by = #{settledBy}, settled_attempt = #{attempt},
                                        updated_at = #{now}
            WHERE tx_no = #{txNo} AND account_no = #{accountNo} AND amount = #{amount}
            """)
    int settleKnown(String txNo, String accountNo, BigDecimal amount, SettledBy settledBy, int attempt, Instant now);

    /**
     * Records a pay made elsewhere (at {@code /paydo} directly) as settled: the common case, so tried first. Fails with
     * a duplicate key if a recharge with this txNo exists: one started here, which {@link #settleKnown} settles.
     */
    @Insert("""
            INSERT INTO account_recharge
                (tx_no, account_no, amount, status, settled_by, settled_attempt, origin, attempts, next_attempt_at,
                 created_at, updated_at)
            VALUES (#{txNo}, #{accountNo}, #{amount}, 'SETTLED', #{settledBy}, #{attempt}, 'ANNOUNCED', 0, #{now},
                    #{now}, #{now})
            """)
    void recordSettledElsewhere(String txNo, String accountNo, BigDecimal amount, SettledBy settledBy, int attempt,
                                Instant now);

    /** Which of these txNos name a recharge recorded here: one read for a whole batch of pays. */
    @Select("""
            <script>
            SELECT tx_no FROM account_recharge WHERE tx_no IN
            <foreach item="txNo" collection="txNos" open="(" separator="," close=")">#{txNo}</foreach>
            </script>""")
    List<String> knownAmong(@Param("txNos") Collection<String> txNos);

    /**
     * {@link #recordSettledElsewhere} for many pays in one statement. A duplicate key fails all of them, and none is
     * written: one of them is a recharge started here ({@link #knownAmong} tells which).
     */
    @Insert("""
            <script>
            INSERT INTO account_recharge
                (tx_no, account_no, amount, status, settled_by, settled_attempt, origin, attempts, next_attempt_at,
                 created_at, updated_at)
            VALUES
            <foreach item="pay" collection="pays" separator=",">
                (#{pay.txNo}, #{pay.accountNo}, #{pay.amount}, 'SETTLED', #{settledBy}, #{pay.attempt}, 'ANNOUNCED', 0,
                 #{now}, #{now}, #{now})
            </foreach>
            </script>""")
    void recordAllSettledElsewhere(@Param("pays") Collection<SettledPay> pays, @Param("settledBy") SettledBy settledBy,
                                   @Param("now") Instant now);

    /** A failed pay ends a waiting recharge; a settled one is never downgraded. */
    @Update("""
            UPDATE account_recharge SET status = 'FAILED', updated_at = #{now}
            WHERE tx_no = #{txNo} AND status IN ('PENDING', 'EXPIRED')
            """)
    int markFailed(String txNo, Instant now);

    /** Records a failed pay the receiver had not started; a no-op when the txNo is already known. */
    @Insert("""
            INSERT INTO account_recharge
                (tx_no, account_no, amount, status, origin, attempts, next_attempt_at, created_at, updated_at)
            VALUES (#{txNo}, #{accountNo}, #{amount}, 'FAILED', 'ANNOUNCED', 0, #{now}, #{now}, #{now})
            ON DUPLICATE KEY UPDATE tx_no = tx_no
            """)
    void recordFailedIfUnknown(String txNo, String accountNo, BigDecimal amount, Instant now);

    /**
     * Locks the due pending recharges created before the cutoff (the grace period gives the notification its
     * chance first), oldest first. SKIP LOCKED lets a second instance claim other rows instead of waiting for
     * (or double-processing) these.
     */
    @Select("""
            SELECT tx_no, account_no, amount, status, settled_by, settled_attempt, origin, attempts, next_attempt_at,
                   created_at, updated_at
            FROM account_recharge
            WHERE status = 'PENDING' AND next_attempt_at <= #{now} AND created_at <= #{createdBefore}
            ORDER BY next_attempt_at
            LIMIT #{limit}
            FOR UPDATE SKIP LOCKED
            """)
    List<Recharge> lockDue(Instant now, Instant createdBefore, int limit);

    /** Holds claimed rows for one instance until the lease ends; counts the attempt. */
    @Update("""
            <script>
            UPDATE account_recharge SET attempts = attempts + 1, next_attempt_at = #{leaseUntil}
            WHERE tx_no IN <foreach item="txNo" collection="txNos" open="(" separator="," close=")">#{txNo}</foreach>
            </script>
            """)
    int lease(@Param("txNos") List<String> txNos, @Param("leaseUntil") Instant leaseUntil);

    /** pay-service has no result yet: ask again later. */
    @Update("""
            UPDATE account_recharge SET next_attempt_at = #{nextAttemptAt}, updated_at = #{now}
            WHERE tx_no = #{txNo} AND status = 'PENDING'
            """)
    int reschedule(String txNo, Instant nextAttemptAt, Instant now);

    /** pay-service never heard of it before the deadline: give up waiting. */
    @Update("""
            UPDATE account_recharge SET status = 'EXPIRED', updated_at = #{now}
            WHERE tx_no = #{txNo} AND status = 'PENDING'
            """)
    int expire(String txNo, Instant now);
}

package org.besteffort.notify.task;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * SQL over {@code bank1_notify.notify_task}: keeping tasks, claiming the due ones, recording how each attempt ended,
 * and the operator's resets.
 */
@Mapper
public interface NotifyTaskMapper {

    String COLUMNS = """
            id, tx_no, receiver_id, endpoint_id, webhook_id, payload, status, attempts, next_attempt_at, claim_token,
            last_status, last_error, paid_at, created_at, updated_at, succeeded_at""";

    /**
     * One task per (pay, receiver): fails with a duplicate key when the pay has its task for this receiver already,
     * so that a message delivered twice by the broker adds nothing. The key decides, not a prior read; and not
     * {@code ON DUPLICATE KEY UPDATE}, whose row count Connector/J reports as 1 for a duplicate too (found rows).
     */
    @Insert("""
            INSERT INTO notify_task (tx_no, receiver_id, endpoint_id, webhook_id, payload, status, attempts,
                                     next_attempt_at, paid_at, created_at, updated_at)
            VALUES (#{txNo}, #{receiverId}, #{endpointId}, #{webhookId}, #{payload}, 'PENDING', 0,
                    #{now}, #{paidAt}, #{now}, #{now})
            """)
    void insert(String txNo, String receiverId, long endpointId, String webhookId, String payload, Instant paidAt,
                Instant now);

    @Select("SELECT " + COLUMNS + " FROM notify_task WHERE id = #{id}")
    Optional<NotifyTask> findById(long id);

    @Select("SELECT " + COLUMNS + " FROM notify_task WHERE tx_no = #{txNo} AND receiver_id = #{receiverId}")
    Optional<NotifyTask> find(String txNo, String receiverId);

    /**
     * Locks the due tasks of one endpoint, oldest first. SKIP LOCKED lets another gateway instance claim other rows
     * instead of waiting for these or delivering them too.
     */
    @Select("SELECT " + COLUMNS + """
             FROM notify_task
            WHERE endpoint_id = #{endpointId} AND status = 'PENDING' AND next_attempt_at <= #{now}
            ORDER BY next_attempt_at
            LIMIT #{limit}
            FOR UPDATE SKIP LOCKED
            """)
    List<NotifyTask> lockDue(long endpointId, Instant now, int limit);

    /** Holds claimed tasks for one instance until the lease ends: nobody else finds them due before then. */
    @Update("""
            <script>
            UPDATE notify_task SET next_attempt_at = #{leaseUntil}, claim_token = #{token}
            WHERE id IN <foreach item="id" collection="ids" open="(" separator="," close=")">#{id}</foreach>
            </script>
            """)
    int lease(@Param("ids") List<Long> ids, @Param("leaseUntil") Instant leaseUntil, @Param("token") String token);

    /** The receiver acknowledged: done. Only under the lease that made the attempt. */
    @Update("""
            UPDATE notify_task
            SET status = 'SUCCEEDED', attempts = attempts + 1, claim_token = NULL, last_status = #{httpStatus},
                last_error = NULL, succeeded_at = #{now}, updated_at = #{now}
            WHERE id = #{id} AND claim_token = #{token}
            """)
    int markSucceeded(long id, String token, Integer httpStatus, Instant now);

    /** Not acknowledged: try again at {@code nextAttemptAt}. Only under the lease that made the attempt. */
    @Update("""
            UPDATE notify_task
            SET attempts = attempts + #{counted}, next_attempt_at = #{nextAttemptAt}, claim_token = NULL,
                last_status = #{httpStatus}, last_error = #{error}, updated_at = #{now}
            WHERE id = #{id} AND claim_token = #{token}
            """)
    int reschedule(long id, String token, int counted, Instant nextAttemptAt, Integer httpStatus, String error,
                   Instant now);

    /** The schedule is exhausted: kept as FAILED for an operator. Only under the lease that made the attempt. */
    @Update("""
            UPDATE notify_task
            SET status = 'FAILED', attempts = attempts + 1, claim_token = NULL, last_status = #{httpStatus},
                last_error = #{error}, updated_at = #{now}
            WHERE id = #{id} AND claim_token = #{token}
            """)
    int markFailed(long id, String token, Integer httpStatus, String error, Instant now);

    /** The operator's re-notify: attempts start again, due now; a delivery in flight under the old lease is ignored. */
    @Update("""
            UPDATE notify_task
            SET status = 'PENDING', attempts = 0, next_attempt_at = #{now}, claim_token = NULL, updated_at = #{now}
            WHERE id = #{id}
            """)
    int reset(long id, Instant now);

    /** The operator's recover: every FAILED task of the receiver created in [since, until) starts again, due now. */
    @Update("""
            UPDATE notify_task
            SET status = 'PENDING', attempts = 0, next_attempt_at = #{now}, claim_token = NULL, updated_at = #{now}
            WHERE receiver_id = #{receiverId} AND status = 'FAILED' AND created_at >= #{since} AND created_at < #{until}
            """)
    int resetFailed(String receiverId, Instant since, Instant until, Instant now);

    /** An endpoint was enabled again: its waiting tasks are due now. */
    @Update("""
            UPDATE notify_task SET next_attempt_at = #{now}, updated_at = #{now}
            WHERE endpoint_id = #{endpointId} AND status = 'PENDING' AND claim_token IS NULL
            """)
    int dueNow(long endpointId, Instant now);

    /** Newest first, optionally by receiver, status and creation time, keyset-paged by id. */
    @Select("<script>SELECT " + COLUMNS + """
             FROM notify_task
            <where>
              <if test="receiverId != null">receiver_id = #{receiverId}</if>
              <if test="status != null">AND status = #{status}</if>
              <if test="since != null">AND created_at &gt;= #{since}</if>
              <if test="until != null">AND created_at &lt; #{until}</if>
              <if test="beforeId != null">AND id &lt; #{beforeId}</if>
            </where>
            ORDER BY id DESC
            LIMIT #{limit}
            </script>
            """)
    List<NotifyTask> search(@Param("receiverId") String receiverId, @Param("status") NotifyTaskStatus status,
                            @Param("since") Instant since, @Param("until") Instant until,
                            @Param("beforeId") Long beforeId, @Param("limit") int limit);

    @Select("SELECT status, COUNT(*) AS tasks FROM notify_task GROUP BY status")
    List<StatusCount> countByStatus();

    /** How many tasks have one status. */
    record StatusCount(NotifyTaskStatus status, long tasks) {
    }
}

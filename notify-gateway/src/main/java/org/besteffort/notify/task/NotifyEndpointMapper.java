package org.besteffort.notify.task;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * SQL over {@code bank1_notify.notify_endpoint}.
 */
@Mapper
public interface NotifyEndpointMapper {

    /** Creates the endpoint on first use; a no-op when another transaction created it first. */
    @Insert("""
            INSERT INTO notify_endpoint (receiver_id, notify_url, status, paused_until, updated_at)
            VALUES (#{receiverId}, #{notifyUrl}, 'ENABLED', #{now}, #{now})
            ON DUPLICATE KEY UPDATE id = id
            """)
    void insertIfAbsent(String receiverId, String notifyUrl, Instant now);

    @Select("""
            SELECT id, receiver_id, notify_url, status, disabled_reason, failing_since, paused_until, updated_at
            FROM notify_endpoint WHERE receiver_id = #{receiverId} AND notify_url = #{notifyUrl}
            """)
    Optional<NotifyEndpoint> find(String receiverId, String notifyUrl);

    /**
     * {@link #find}, reading the latest committed row rather than the transaction's snapshot: after
     * {@link #insertIfAbsent} found the row another intake transaction had just committed, a plain read would still
     * not see it.
     */
    @Select("""
            SELECT id, receiver_id, notify_url, status, disabled_reason, failing_since, paused_until, updated_at
            FROM notify_endpoint WHERE receiver_id = #{receiverId} AND notify_url = #{notifyUrl}
            LOCK IN SHARE MODE
            """)
    Optional<NotifyEndpoint> findLatest(String receiverId, String notifyUrl);

    @Select("""
            SELECT id, receiver_id, notify_url, status, disabled_reason, failing_since, paused_until, updated_at
            FROM notify_endpoint WHERE id = #{id}
            """)
    Optional<NotifyEndpoint> findById(long id);

    @Select("""
            SELECT id, receiver_id, notify_url, status, disabled_reason, failing_since, paused_until, updated_at
            FROM notify_endpoint ORDER BY receiver_id, id
            """)
    List<NotifyEndpoint> findAll();

    /** The endpoints the dispatcher may deliver to now. */
    @Select("""
            SELECT id, receiver_id, notify_url, status, disabled_reason, failing_since, paused_until, updated_at
            FROM notify_endpoint WHERE status = 'ENABLED' AND paused_until <= #{now}
            """)
    List<NotifyEndpoint> findDeliverable(Instant now);

    /** It acknowledged: healthy again. */
    @Update("""
            UPDATE notify_endpoint SET failing_since = NULL, updated_at = #{now}
            WHERE id = #{id} AND failing_since IS NOT NULL
            """)
    int markHealthy(long id, Instant now);

    /** It failed: remember since when, unless it was failing already. */
    @Update("""
            UPDATE notify_endpoint SET failing_since = #{now}, updated_at = #{now}
            WHERE id = #{id} AND failing_since IS NULL
            """)
    int markFailing(long id, Instant now);

    /** It asked for time (Retry-After): nothing goes to it before then. */
    @Update("""
            UPDATE notify_endpoint SET paused_until = GREATEST(paused_until, #{until}), updated_at = #{now}
            WHERE id = #{id}
            """)
    int pause(long id, Instant until, Instant now);

    @Update("""
            UPDATE notify_endpoint SET status = 'DISABLED', disabled_reason = #{reason}, updated_at = #{now}
            WHERE id = #{id} AND status = 'ENABLED'
            """)
    int disable(long id, String reason, Instant now);

    @Update("""
            UPDATE notify_endpoint
            SET status = 'ENABLED', disabled_reason = NULL, failing_since = NULL, paused_until = #{now},
                updated_at = #{now}
            WHERE id = #{id}
            """)
    int enable(long id, Instant now);
}

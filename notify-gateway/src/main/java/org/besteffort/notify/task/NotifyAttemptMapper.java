package org.besteffort.notify.task;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

import java.util.List;

/**
 * SQL over {@code bank1_notify.notify_attempt}: the attempt log, kept whole.
 */
@Mapper
public interface NotifyAttemptMapper {

    @Insert("""
            INSERT INTO notify_attempt (task_id, attempt_no, started_at, latency_ms, http_status, outcome,
                                        response_excerpt, error)
            VALUES (#{taskId}, #{attemptNo}, #{startedAt}, #{latencyMs}, #{httpStatus}, #{outcome},
                    #{responseExcerpt}, #{error})
            """)
    void insert(NotifyAttempt attempt);

    @Select("""
            SELECT id, task_id, attempt_no, started_at, latency_ms, http_status, outcome, response_excerpt, error
            FROM notify_attempt WHERE task_id = #{taskId} ORDER BY id
            """)
    List<NotifyAttempt> findByTask(long taskId);
}

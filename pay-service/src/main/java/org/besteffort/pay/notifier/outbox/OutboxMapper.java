package org.besteffort.pay.notifier.outbox;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import java.time.Instant;
import java.util.List;

/**
 * SQL over {@code bank1_pay.pay_outbox}, the local message table.
 */
@Mapper
interface OutboxMapper {

    /** In the pay's transaction: due at once. */
    @Insert("""
            INSERT INTO pay_outbox (tx_no, payload, created_at, leased_until)
            VALUES (#{txNo}, #{payload}, #{createdAt}, #{createdAt})
            """)
    void insert(String txNo, String payload, Instant createdAt);

    /**
     * Unsent rows whose lease has run out, oldest first, locked for the claim; rows another relay is claiming right now
     * are skipped, not waited for.
     */
    @Select("""
            SELECT id, tx_no, payload FROM pay_outbox
            WHERE sent_at IS NULL AND leased_until <= #{now}
            ORDER BY id LIMIT #{batch}
            FOR UPDATE SKIP LOCKED
            """)
    List<OutboxRow> due(Instant now, int batch);

    @Update("""
            <script>
            UPDATE pay_outbox SET leased_until = #{until}, publishes = publishes + 1
            WHERE id IN <foreach item="id" collection="ids" open="(" separator="," close=")">#{id}</foreach>
            </script>
            """)
    void lease(List<Long> ids, Instant until);

    @Update("""
            <script>
            UPDATE pay_outbox SET sent_at = #{sentAt}
            WHERE sent_at IS NULL
              AND id IN <foreach item="id" collection="ids" open="(" separator="," close=")">#{id}</foreach>
            </script>
            """)
    void markSent(List<Long> ids, Instant sentAt);

    @Delete("DELETE FROM pay_outbox WHERE sent_at IS NOT NULL AND sent_at < #{before} LIMIT #{limit}")
    int purgeSentBefore(Instant before, int limit);

    @Select("SELECT COUNT(*) FROM pay_outbox WHERE sent_at IS NULL")
    long unsent();
}

package org.besteffort.account.reconciliation;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import java.time.Instant;

/**
 * SQL over {@code bank1.reconciliation_cursor}: where the statement job stands, and who may move it.
 */
@Mapper
interface ReconciliationCursorMapper {

    /** Takes the cursor for one instance until {@code until}; 0 rows means another instance holds it. */
    @Update("""
            UPDATE reconciliation_cursor SET leased_until = #{until}
            WHERE name = #{name} AND leased_until <= #{now}
            """)
    int lease(String name, Instant now, Instant until);

    @Select("SELECT cursor_value FROM reconciliation_cursor WHERE name = #{name}")
    String position(String name);

    @Update("""
            UPDATE reconciliation_cursor SET cursor_value = #{position}, updated_at = #{now}
            WHERE name = #{name}
            """)
    void advance(String name, String position, Instant now);

    /** Lets the next round, on any instance, start at once. */
    @Update("UPDATE reconciliation_cursor SET leased_until = #{now} WHERE name = #{name}")
    void release(String name, Instant now);
}

package org.besteffort.account.receiver;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * SQL over {@code bank1.de_duplication}, the ledger of applied txNos.
 */
@Mapper
interface DeduplicationMapper {

    /** Throws a duplicate key when the txNo was applied before: the primary key decides, not a prior SELECT. */
    @Insert("INSERT INTO de_duplication (tx_no, created) VALUES (#{txNo}, #{created})")
    void insert(String txNo, Instant created);

    /**
     * {@link #insert} for many txNos in one statement. All or nothing: a duplicate key fails the whole statement (one
     * of them was applied before, or by a concurrent apply), and the batch falls back to one transaction per txNo.
     */
    @Insert("""
            <script>
            INSERT INTO de_duplication (tx_no, created) VALUES
            <foreach item="txNo" collection="txNos" separator=",">(#{txNo}, #{created})</foreach>
            </script>""")
    void insertAll(@Param("txNos") Collection<String> txNos, @Param("created") Instant created);

    /** Which of these txNos have been applied: one read for many lines. */
    @Select("""
            <script>
            SELECT tx_no FROM de_duplication WHERE tx_no IN
            <foreach item="txNo" collection="txNos" open="(" separator="," close=")">#{txNo}</foreach>
            </script>""")
    List<String> appliedAmong(Collection<String> txNos);
}

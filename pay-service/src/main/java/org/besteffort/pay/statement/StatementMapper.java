package org.besteffort.pay.statement;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

import java.time.Instant;
import java.util.List;

/**
 * Keyset paging over {@code account_pay} by (updated_at, tx_no): never OFFSET, so a page costs the same at any depth.
 */
@Mapper
interface StatementMapper {

    /**
     * One page of the pays after the cursor that settled before the given instant.
     *
     * @param receiver the receiver whose pays alone are listed; null: every receiver's (the local walkthrough)
     */
    @Select("""
            <script>
            SELECT tx_no, account_no, pay_amount, result, created_at AS paid_at, updated_at
            FROM account_pay
            WHERE (updated_at &gt; #{after.updatedAt} OR (updated_at = #{after.updatedAt} AND tx_no &gt; #{after.txNo}))
              AND updated_at &lt;= #{settledBefore}
              <if test="receiver != null">AND merchant_id = #{receiver}</if>
            ORDER BY updated_at, tx_no
            LIMIT #{limit}
            </script>
            """)
    List<StatementLine> pageOf(String receiver, StatementCursor after, Instant settledBefore, int limit);
}

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

    @Select("""
            SELECT tx_no, account_no, pay_amount, result, created_at AS paid_at, updated_at
            FROM account_pay
            WHERE (updated_at > #{after.updatedAt} OR (updated_at = #{after.updatedAt} AND tx_no > #{after.txNo}))
              AND updated_at <= #{settledBefore}
            ORDER BY updated_at, tx_no
            LIMIT #{limit}
            """)
    List<StatementLine> page(StatementCursor after, Instant settledBefore, int limit);
}

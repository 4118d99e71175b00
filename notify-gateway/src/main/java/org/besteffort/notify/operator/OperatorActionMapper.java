package org.besteffort.notify.operator;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

import java.time.Instant;
import java.util.List;

/**
 * SQL over {@code bank1_notify.operator_action}: the log of who did what, never changed.
 */
@Mapper
interface OperatorActionMapper {

    @Insert("""
            INSERT INTO operator_action (operator, action, target, detail, created_at)
            VALUES (#{operator}, #{action}, #{target}, #{detail}, #{now})
            """)
    void insert(String operator, String action, String target, String detail, Instant now);

    @Select("""
            SELECT id, operator, action, target, detail, created_at FROM operator_action ORDER BY id DESC LIMIT #{limit}
            """)
    List<OperatorAction> latest(int limit);
}

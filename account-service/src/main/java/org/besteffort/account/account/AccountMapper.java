package org.besteffort.account.account;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SQL over {@code bank1.account_info}.
 */
@Mapper
public interface AccountMapper {

    @Select("""
            SELECT account_no, account_name, account_balance
            FROM account_info WHERE account_no = #{accountNo}
            """)
    Optional<Account> findByAccountNo(String accountNo);

    /** The first accounts in the order they were opened: the balances shown, and what the checkout offers to top up. */
    @Select("""
            SELECT account_no, account_name, account_balance
            FROM account_info ORDER BY id LIMIT #{limit}
            """)
    List<Account> firstAccounts(int limit);

    /** Adds to the balance in the database, never read-modify-write in Java; 0 rows means no such account. */
    @Update("""
            UPDATE account_info SET account_balance = account_balance + #{amount}
            WHERE account_no = #{accountNo}
            """)
    int credit(String accountNo, BigDecimal amount);

    /**
     * {@link #credit} for several accounts in one statement: adds each account's sum. InnoDB locks the rows in key
     * order, so two batches crediting the same accounts wait for each other instead of deadlocking.
     *
     * @return how many of the accounts exist; fewer than given means one is unknown, and nothing may stand
     */
    @Update("""
            <script>
            UPDATE account_info SET account_balance = account_balance + CASE account_no
            <foreach item="amount" index="accountNo" collection="credits">WHEN #{accountNo} THEN #{amount} </foreach>
            END
            WHERE account_no IN
            <foreach index="accountNo" collection="credits" open="(" separator="," close=")">#{accountNo}</foreach>
            </script>""")
    int creditAll(@Param("credits") Map<String, BigDecimal> credits);
}

package org.besteffort.account.account;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import java.math.BigDecimal;
import java.util.List;
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
}

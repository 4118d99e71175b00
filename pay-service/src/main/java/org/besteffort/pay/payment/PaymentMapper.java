package org.besteffort.pay.payment;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

import java.util.Optional;

/**
 * SQL over {@code bank1_pay.account_pay}.
 */
@Mapper
interface PaymentMapper {

    /** Fails with a duplicate key when the txNo is already recorded: the unique key decides, not a prior read. */
    @Insert("""
            INSERT INTO account_pay (tx_no, account_no, pay_amount, result, merchant_id, receiver_id, notify_url,
                                     created_at, updated_at)
            VALUES (#{txNo}, #{accountNo}, #{payAmount}, #{result}, #{merchantId}, #{receiverId}, #{notifyUrl},
                    #{createdAt}, #{updatedAt})
            """)
    void insert(Payment payment);

    @Select("""
            SELECT id, tx_no, account_no, pay_amount, result, receiver_id, notify_url, created_at, updated_at,
                   merchant_id
            FROM account_pay WHERE tx_no = #{txNo}
            """)
    Optional<Payment> findByTxNo(String txNo);
}

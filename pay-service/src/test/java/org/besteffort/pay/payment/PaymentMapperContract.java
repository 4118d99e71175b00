package org.besteffort.pay.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.TimeZone;

import org.besteffort.common.PayResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link PaymentMapper}'s own statements on a real database that pay-service's Flyway migrated, with its
 * {@code application.yml}: what must hold on MariaDB and on MySQL 8.4 alike. Every statement commits, as it does in
 * the service; each test starts with no pays.
 */
@MybatisTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
public abstract class PaymentMapperContract {

    private static final Instant AT = Instant.parse("2024-05-06T07:08:09.123Z");

    @Autowired
    PaymentMapper payments;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @BeforeEach
    void noPays() {
        transaction.executeWithoutResult(status -> jdbc.update("DELETE FROM account_pay"));
    }

    @Test
    void refusesASecondPayWithTheSameTxNo() {
        payments.insert(pay("PAY-1", new BigDecimal("10.00")));

        // PaymentService catches exactly this: the unique key decides, the driver's 1062 as DuplicateKeyException.
        assertThatThrownBy(() -> payments.insert(pay("PAY-1", new BigDecimal("20.00"))))
                .isInstanceOf(DuplicateKeyException.class)
                .rootCause().isInstanceOfSatisfying(SQLException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo(1062));
        assertThat(payments.findByTxNo("PAY-1")).map(Payment::payAmount).hasValue(new BigDecimal("10.00"));
    }

    @Test
    void roundTripsMoneyAndMillisecondsInUtcWhateverTheJvmZone() {
        BigDecimal amount = new BigDecimal("1234567890123456.78");
        TimeZone jvmZone = TimeZone.getDefault();
        // A JVM far from UTC shows that the URL, not the machine's zone, decides what is stored.
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Shanghai"));
        try {
            payments.insert(new Payment(null, "PAY-2", "1", amount, PayResult.FAIL, "merchant-a",
                    "http://127.0.0.1:9/notify", AT, AT.plusMillis(1), "bank1"));

            Payment read = payments.findByTxNo("PAY-2").orElseThrow();

            assertThat(read.id()).isPositive();
            assertThat(read).usingRecursiveComparison().ignoringFields("id").isEqualTo(new Payment(null, "PAY-2",
                    "1", amount, PayResult.FAIL, "merchant-a", "http://127.0.0.1:9/notify", AT, AT.plusMillis(1),
                    "bank1"));
            assertThat(jdbc.queryForObject("SELECT DATE_FORMAT(created_at, '%H:%i:%s.%f') FROM account_pay"
                    + " WHERE tx_no = 'PAY-2'", String.class)).isEqualTo("07:08:09.123000");
        } finally {
            TimeZone.setDefault(jvmZone);
        }
    }

    @Test
    void refusesAnAmountTooLargeForItsColumnInsteadOfTruncatingIt() {
        // MySQL 8's strict mode on both: the service refuses such an amount first, the column is the last word.
        assertThatThrownBy(() -> payments.insert(pay("PAY-3", new BigDecimal("12345678901234567.00"))))
                .rootCause().isInstanceOf(SQLException.class).hasMessageContaining("pay_amount");
        assertThat(payments.findByTxNo("PAY-3")).isEmpty();
    }

    private static Payment pay(String txNo, BigDecimal amount) {
        return new Payment(null, txNo, "1", amount, PayResult.SUCCESS, null, null, AT, AT, "bank1");
    }
}

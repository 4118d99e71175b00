package org.besteffort.account.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link AccountMapper}'s own statements on a real database that account-service's Flyway migrated and seeded, with
 * its {@code application.yml}: what must hold on MariaDB and on MySQL 8.4 alike. Every statement commits, as it does
 * outside a transaction in the service; each test starts with the seed accounts at a zero balance.
 */
@MybatisTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
public abstract class AccountMapperContract {

    @Autowired
    AccountMapper accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @BeforeEach
    void zeroBalances() {
        transaction.executeWithoutResult(status -> jdbc.update("UPDATE account_info SET account_balance = 0"));
    }

    @Test
    void findsTheSeedAccountsOfTheMigrationsInTheOrderTheyWereOpened() {
        assertThat(accounts.firstAccounts(3)).containsExactly(account("1", "张三", "0.00"),
                account("2", "李四", "0.00"), account("3", "王五", "0.00"));
        assertThat(accounts.findByAccountNo("4")).hasValue(account("4", "Alice", "0.00"));
        assertThat(accounts.findByAccountNo("404")).isEmpty();
    }

    @Test
    void addsToTheBalanceInTheDatabaseAndTellsWhenTheAccountIsUnknown() {
        assertThat(accounts.credit("1", new BigDecimal("12.34"))).isEqualTo(1);
        assertThat(accounts.credit("1", new BigDecimal("0.66"))).isEqualTo(1);
        assertThat(accounts.credit("404", new BigDecimal("1.00"))).isZero();

        assertThat(balance("1")).isEqualTo(new BigDecimal("13.00"));
    }

    @Test
    void creditsSeveralAccountsInOneStatementEachWithItsOwnSum() {
        Map<String, BigDecimal> credits = new LinkedHashMap<>();
        credits.put("3", new BigDecimal("2.25"));
        credits.put("2", new BigDecimal("1.10"));

        assertThat(accounts.creditAll(credits)).isEqualTo(2);

        assertThat(balance("2")).isEqualTo(new BigDecimal("1.10"));
        assertThat(balance("3")).isEqualTo(new BigDecimal("2.25"));
        assertThat(balance("4")).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void countsOnlyTheKnownAccountsOfACreditToSeveral() {
        Map<String, BigDecimal> credits = new LinkedHashMap<>();
        credits.put("2", new BigDecimal("1.00"));
        credits.put("404", new BigDecimal("1.00"));

        // Fewer than given: the applier's transaction then stands for nothing.
        assertThat(accounts.creditAll(credits)).isEqualTo(1);
    }

    @Test
    void refusesACreditThatWouldOverflowTheBalanceInsteadOfTruncatingIt() {
        BigDecimal largest = new BigDecimal("9999999999999999.99");
        accounts.credit("5", largest);

        // MySQL 8's strict mode on both: a value that does not fit is an error, not a silent clamp.
        assertThatThrownBy(() -> accounts.credit("5", new BigDecimal("0.01")))
                .rootCause().isInstanceOf(SQLException.class).hasMessageContaining("account_balance");
        assertThat(balance("5")).isEqualTo(largest);
    }

    private BigDecimal balance(String accountNo) {
        return accounts.findByAccountNo(accountNo).orElseThrow().accountBalance();
    }

    private static Account account(String accountNo, String name, String balance) {
        return new Account(accountNo, name, new BigDecimal(balance));
    }
}

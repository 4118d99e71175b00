package org.besteffort.drills.consistency;

import com.atomikos.icatch.jta.UserTransactionManager;
import com.atomikos.jdbc.AtomikosDataSourceBean;
import org.besteffort.local.infra.LocalDatabase;

import javax.transaction.SystemException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Properties;
import java.util.logging.FileHandler;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The recharge as 2PC sees it (the comparison's fourth column): the pay recorded in {@code bank1_pay} on one MariaDB
 * and the account credited in {@code bank1} on another, in one XA transaction that a JTA transaction manager
 * (Atomikos) coordinates. No message, no reconciliation: both commit or neither does — and until the coordinator has
 * told every participant, the rows stay locked.
 */
final class XaRecharge implements AutoCloseable {

    /** The coordinator's own log lines (one per in-doubt transaction, with its stack) go to a file, not the console. */
    private static final Logger ATOMIKOS_LOG = Logger.getLogger("com.atomikos");

    private final UserTransactionManager coordinator = new UserTransactionManager();
    private final AtomikosDataSourceBean payDatabase;
    private final AtomikosDataSourceBean accountDatabase;

    /**
     * @param paySchema a schema with bank1_pay's {@code account_pay}
     * @param logDir    where the coordinator keeps its transaction log: its decisions, read again by its recovery
     */
    XaRecharge(LocalDatabase pay, String paySchema, LocalDatabase account, Path logDir, int connections) {
        logToFile(logDir);
        System.setProperty("com.atomikos.icatch.log_base_dir", logDir.toString());
        System.setProperty("com.atomikos.icatch.max_actives", String.valueOf(Math.max(50, connections * 2)));
        payDatabase = participant(paySchema, pay, connections);
        accountDatabase = participant("bank1", account, connections);
        coordinator.setForceShutdown(true);
        try {
            coordinator.init();
        } catch (SystemException e) {
            throw new IllegalStateException("the JTA transaction manager did not start", e);
        }
    }

    private static void logToFile(Path logDir) {
        try {
            Files.createDirectories(logDir);
            FileHandler file = new FileHandler(logDir.resolve("atomikos.log").toString(), true);
            file.setFormatter(new SimpleFormatter());
            ATOMIKOS_LOG.addHandler(file);
            ATOMIKOS_LOG.setUseParentHandlers(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the coordinator's log in " + logDir, e);
        }
    }

    private static AtomikosDataSourceBean participant(String schema, LocalDatabase database, int connections) {
        AtomikosDataSourceBean participant = new AtomikosDataSourceBean();
        participant.setUniqueResourceName(schema + "-" + database.port());
        participant.setXaDataSourceClassName("com.mysql.cj.jdbc.MysqlXADataSource");
        Properties xa = new Properties();
        // One physical connection per global transaction: what Connector/J's XA needs against a MySQL-like server.
        xa.setProperty("url", database.jdbcUrl(schema) + (database.jdbcUrl(schema).contains("?") ? "&" : "?")
                + "pinGlobalTxToPhysicalConnection=true");
        xa.setProperty("user", LocalDatabase.USER);
        xa.setProperty("password", "");
        participant.setXaProperties(xa);
        participant.setMinPoolSize(1);
        participant.setMaxPoolSize(connections);
        participant.setBorrowConnectionTimeout(30);
        // A participant killed and started again leaves dead connections in the pool: tested before each use.
        participant.setTestQuery("SELECT 1");
        return participant;
    }

    /**
     * One recharge: the pay and its credit, in one global transaction. Throws if it did not commit; after a
     * participant failed mid-commit, it may still have committed, which the coordinator's recovery completes.
     */
    void pay(String txNo, String accountNo, BigDecimal amount) throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        coordinator.begin();
        try {
            try (Connection pay = payDatabase.getConnection();
                 PreparedStatement insert = pay.prepareStatement("""
                         INSERT INTO account_pay (tx_no, account_no, pay_amount, result, created_at, updated_at)
                         VALUES (?, ?, ?, 'SUCCESS', ?, ?)""")) {
                insert.setString(1, txNo);
                insert.setString(2, accountNo);
                insert.setBigDecimal(3, amount);
                insert.setTimestamp(4, Timestamp.from(now));
                insert.setTimestamp(5, Timestamp.from(now));
                insert.executeUpdate();
            }
            try (Connection account = accountDatabase.getConnection();
                 PreparedStatement applied = account.prepareStatement(
                         "INSERT INTO de_duplication (tx_no, created) VALUES (?, ?)");
                 PreparedStatement credit = account.prepareStatement(
                         "UPDATE account_info SET account_balance = account_balance + ? WHERE account_no = ?")) {
                applied.setString(1, txNo);
                applied.setTimestamp(2, Timestamp.from(now));
                applied.executeUpdate();
                credit.setBigDecimal(1, amount);
                credit.setString(2, accountNo);
                if (credit.executeUpdate() != 1) {
                    throw new SQLException("no account " + accountNo);
                }
            }
        } catch (Exception e) {
            coordinator.rollback();
            throw e;
        }
        coordinator.commit(); // prepare both, log the decision, commit both
    }

    /**
     * Closes the pools and the coordinator. Atomikos 6.0.0's forced shutdown can deadlock with its own timer while a
     * transaction is still being recovered: it is given 10 s on a thread of its own, then left to the JVM's exit.
     */
    @Override
    public void close() {
        accountDatabase.close();
        payDatabase.close();
        Thread shutdown = new Thread(coordinator::close, "atomikos-shutdown");
        shutdown.setDaemon(true);
        shutdown.start();
        try {
            shutdown.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package org.besteffort.drills.benchmark;

import org.besteffort.local.infra.Database;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The database's own limit for what one pay costs: the pay insert in one transaction, then the de_duplication
 * insert and the balance update in another, each durable, at the benchmark's concurrency, without HTTP or broker.
 * Same server, but a scratch schema with copies of the three tables (definitions, indexes, the accounts), so that
 * the services' own data is never touched; dropped afterwards.
 */
final class RawCommitRate {

    private static final String SCRATCH = "bench_raw";

    private final Database database;

    RawCommitRate(Database database) {
        this.database = database;
    }

    /** Pays per second the database commits, measured after {@code warmup} for {@code duration}. */
    double measure(int clients, Duration warmup, Duration duration) throws Exception {
        createScratchSchema();
        try {
            return measureInScratch(clients, warmup, duration);
        } finally {
            dropScratchSchema();
        }
    }

    private void createScratchSchema() throws SQLException {
        dropScratchSchema();
        try (Connection db = database.connect(""); Statement sql = db.createStatement()) {
            sql.execute("CREATE DATABASE " + SCRATCH);
            sql.execute("CREATE TABLE " + SCRATCH + ".account_pay LIKE bank1_pay.account_pay");
            sql.execute("CREATE TABLE " + SCRATCH + ".de_duplication LIKE bank1.de_duplication");
            sql.execute("CREATE TABLE " + SCRATCH + ".account_info LIKE bank1.account_info");
            sql.execute("INSERT INTO " + SCRATCH + ".account_info SELECT * FROM bank1.account_info");
        }
    }

    private void dropScratchSchema() throws SQLException {
        try (Connection db = database.connect(""); Statement sql = db.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + SCRATCH);
        }
    }

    private double measureInScratch(int clients, Duration warmup, Duration duration) throws Exception {
        AtomicLong deadline = new AtomicLong(System.nanoTime() + warmup.plus(duration).toNanos());
        long measureFrom = System.nanoTime() + warmup.toNanos();
        AtomicInteger measured = new AtomicInteger();
        AtomicInteger sequence = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            workers.submit(() -> {
                // Two connections, as the two services have: each commit is one service's.
                try (Connection pay = database.connect(SCRATCH); Connection account = database.connect(SCRATCH);
                     PreparedStatement insertPay = pay.prepareStatement("""
                             INSERT INTO account_pay (tx_no, account_no, pay_amount, result, created_at, updated_at)
                             VALUES (?, ?, ?, 'SUCCESS', ?, ?)""");
                     PreparedStatement insertDedup = account.prepareStatement(
                             "INSERT INTO de_duplication (tx_no, created) VALUES (?, ?)");
                     PreparedStatement credit = account.prepareStatement(
                             "UPDATE account_info SET account_balance = account_balance + ? WHERE account_no = ?")) {
                    pay.setAutoCommit(false);
                    account.setAutoCommit(false);
                    while (System.nanoTime() < deadline.get()) {
                        int i = sequence.getAndIncrement();
                        String txNo = "raw-" + i;
                        String accountNo = String.valueOf(i % 5 + 1);
                        Timestamp now = Timestamp.from(Instant.now());
                        insertPay.setString(1, txNo);
                        insertPay.setString(2, accountNo);
                        insertPay.setBigDecimal(3, BigDecimal.ONE);
                        insertPay.setTimestamp(4, now);
                        insertPay.setTimestamp(5, now);
                        insertPay.executeUpdate();
                        pay.commit();
                        insertDedup.setString(1, txNo);
                        insertDedup.setTimestamp(2, now);
                        insertDedup.executeUpdate();
                        credit.setBigDecimal(1, BigDecimal.ONE);
                        credit.setString(2, accountNo);
                        credit.executeUpdate();
                        account.commit();
                        if (System.nanoTime() >= measureFrom) {
                            measured.incrementAndGet();
                        }
                    }
                }
                return null;
            });
        }
        workers.shutdown();
        workers.awaitTermination(1, TimeUnit.HOURS);
        return measured.get() / (duration.toNanos() / 1e9);
    }
}

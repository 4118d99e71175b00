package org.besteffort.drills.benchmark;

import org.besteffort.local.infra.LocalDatabase;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
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
 */
final class RawCommitRate {

    private final LocalDatabase database;

    RawCommitRate(LocalDatabase database) {
        this.database = database;
    }

    /** Pays per second the database commits, measured after {@code warmup} for {@code duration}. */
    double measure(int clients, Duration warmup, Duration duration) throws Exception {
        AtomicLong deadline = new AtomicLong(System.nanoTime() + warmup.plus(duration).toNanos());
        long measureFrom = System.nanoTime() + warmup.toNanos();
        AtomicInteger measured = new AtomicInteger();
        AtomicInteger sequence = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            workers.submit(() -> {
                try (Connection pay = database.connect("bank1_pay"); Connection account = database.connect("bank1");
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

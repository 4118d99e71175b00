package org.besteffort.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.alibaba.fastjson2.JSONObject;
import org.besteffort.local.infra.FreePorts;
import org.besteffort.local.infra.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scheme 2 end to end, every process real: pay-service, the notify gateway and account-service from their jars, the
 * broker and the database, account-service taking pay results over HTTP only ({@code receiver.channels=http}), so
 * that every credit here came through its notify URL.
 */
class NotifyEndToEndIT {

    static final int PAY_PORT = FreePorts.any();
    static final int ACCOUNT_PORT = FreePorts.any();
    static final int GATEWAY_PORT = FreePorts.any();
    static final String NOTIFY_URL = ServiceInstance.url(ACCOUNT_PORT) + "/notify/pay-result";
    static final Path WORK_DIR = Path.of("target", "notify-end-to-end").toAbsolutePath();

    static final List<ServiceInstance> started = new ArrayList<>();

    static ServiceInstance payService;
    static ServiceInstance accountService;
    static ServiceInstance gateway;

    @BeforeAll
    static void startTheThreeServices() {
        var infra = TestInfrastructure.shared();
        payService = start("pay-service", PAY_PORT, "bank1_pay",
                "--pay.receivers.bank1.notify-urls[0]=" + NOTIFY_URL);
        accountService = startAccountService();
        gateway = start("notify-gateway", GATEWAY_PORT, "bank1_notify",
                "--gateway.receivers.bank1.notify-urls[0]=" + NOTIFY_URL,
                "--gateway.receivers.bank1.schedule=1s,2s,3s,4s,4s,4s,4s,4s,4s,4s",
                "--gateway.dispatch.interval=200ms");
        assertThat(infra).isNotNull();
    }

    @AfterAll
    static void stopThem() {
        started.stream().filter(ServiceInstance::isAlive).forEach(ServiceInstance::kill);
    }

    @Test
    void aRechargeIsSettledByTheHttpNotifyOnTheFirstAttemptAndCreditedOnce() throws SQLException {
        BigDecimal before = balance("1");

        JSONObject recharge = accountService.http().postJson("/recharges", """
                {"accountNo":"1","amount":"12.34"}""").json();
        String txNo = recharge.getString("txNo");

        await().atMost(Duration.ofSeconds(30)).until(() -> "SETTLED".equals(
                accountService.http().get("/recharges/" + txNo).json().getString("status")));
        JSONObject settled = accountService.http().get("/recharges/" + txNo).json();
        assertThat(settled.getString("settledBy")).isEqualTo("NOTIFY");
        assertThat(settled.getInteger("settledAttempt")).isEqualTo(1);
        assertThat(balance("1")).isEqualByComparingTo(before.add(new BigDecimal("12.34")));
        assertThat(count("bank1", "SELECT COUNT(*) FROM de_duplication WHERE tx_no = ?", txNo)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> count("bank1_notify",
                "SELECT COUNT(*) FROM notify_task WHERE tx_no = ? AND status = 'SUCCEEDED' AND attempts = 1", txNo) == 1);
    }

    @Test
    void aReceiverDownForThreeAttemptsIsCreditedOnceWhenItIsBack() throws SQLException {
        BigDecimal before = balance("2");
        String txNo = "e2e-" + UUID.randomUUID();
        accountService.kill();

        var paid = payService.http().postJson("/paydo", """
                {"accountNo":"2","payAmount":"7.00","txNo":"%s","receiverId":"bank1","notifyUrl":"%s"}"""
                .formatted(txNo, NOTIFY_URL));
        assertThat(paid.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> attempts(txNo).size() >= 3);
        accountService = startAccountService();

        await().atMost(Duration.ofSeconds(60)).until(() -> count("bank1_notify",
                "SELECT COUNT(*) FROM notify_task WHERE tx_no = ? AND status = 'SUCCEEDED'", txNo) == 1);
        assertThat(balance("2")).isEqualByComparingTo(before.add(new BigDecimal("7.00")));
        assertThat(count("bank1", "SELECT COUNT(*) FROM de_duplication WHERE tx_no = ?", txNo)).isEqualTo(1);
        List<Attempt> attempts = attempts(txNo);
        assertThat(attempts.subList(0, 3)).extracting(Attempt::outcome).containsOnly("UNREACHABLE");
        assertThat(attempts.get(attempts.size() - 1).outcome()).isEqualTo("ACKED");
        // The schedule: 1 s, then 2 s, each ±10 %, looked for every 200 ms.
        assertThat(attempts.get(1).startedMillis() - attempts.get(0).startedMillis()).isBetween(900L, 1_700L);
        assertThat(attempts.get(2).startedMillis() - attempts.get(1).startedMillis()).isBetween(1_800L, 2_700L);
    }

    private static ServiceInstance startAccountService() {
        return start("account-service", ACCOUNT_PORT, "bank1",
                "--pay-service.url=" + ServiceInstance.url(PAY_PORT),
                "--receiver.channels=http",
                "--recharge.notify.url=" + NOTIFY_URL);
    }

    private static ServiceInstance start(String module, int port, String schema, String... extra) {
        var infra = TestInfrastructure.shared();
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + infra.database().jdbcUrl(schema),
                "--rocketmq.name-server=" + infra.broker().nameServerAddress()));
        args.addAll(List.of(extra));
        ServiceInstance instance = ServiceInstance.start(module + "-" + started.size(),
                infra.repositoryRoot().resolve(module + "/target/" + module + ".jar"), port, WORK_DIR, args);
        started.add(instance);
        return instance;
    }

    private static BigDecimal balance(String accountNo) throws SQLException {
        try (Connection connection = TestInfrastructure.shared().database().connect("bank1");
             PreparedStatement query = connection.prepareStatement(
                     "SELECT account_balance FROM account_info WHERE account_no = ?")) {
            query.setString(1, accountNo);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getBigDecimal(1);
            }
        }
    }

    private static long count(String schema, String sql, String txNo) throws SQLException {
        try (Connection connection = TestInfrastructure.shared().database().connect(schema);
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, txNo);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static List<Attempt> attempts(String txNo) throws SQLException {
        try (Connection connection = TestInfrastructure.shared().database().connect("bank1_notify");
             PreparedStatement query = connection.prepareStatement("""
                     SELECT a.started_at, a.outcome FROM notify_attempt a JOIN notify_task t ON t.id = a.task_id
                     WHERE t.tx_no = ? ORDER BY a.id""")) {
            query.setString(1, txNo);
            List<Attempt> attempts = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Timestamp at = rows.getTimestamp(1);
                    attempts.add(new Attempt(at.getTime(), rows.getString(2)));
                }
            }
            return attempts;
        }
    }

    /** One attempt as the gateway logged it. */
    record Attempt(long startedMillis, String outcome) {
    }
}

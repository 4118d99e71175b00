package org.besteffort.account.recharge;

import org.besteffort.account.account.Account;
import org.besteffort.account.account.AccountMapper;
import org.besteffort.account.reconciliation.PayOrder;
import org.besteffort.account.reconciliation.PayServiceClient;
import org.besteffort.common.journal.Journal;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

/**
 * Scheme 2 from the recharge's side: {@code recharge.notify.*} puts this receiver's notify URL into the pay order.
 */
class RechargeNotifyTargetTests {

    private static final String URL = "http://127.0.0.1:8082/notify/pay-result";

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(BoundProperties.class);

    @Test
    void asksPayServiceToNotifyTheConfiguredUrl() {
        context.withPropertyValues("recharge.notify.receiver-id=bank1", "recharge.notify.url=" + URL).run(started -> {
            PayOrder order = orderSentBy(started.getBean(RechargeProperties.class));

            assertThat(order.receiverId()).isEqualTo("bank1");
            assertThat(order.notifyUrl()).isEqualTo(URL);
            assertThat(order.payAmount()).isEqualByComparingTo("50.00");
        });
    }

    @Test
    void asksForNoNotifyUrlWhenNoneIsSet() {
        context.run(started -> {
            PayOrder order = orderSentBy(started.getBean(RechargeProperties.class));

            assertThat(order.receiverId()).isNull();
            assertThat(order.notifyUrl()).isNull();
        });
        // What the integration tests do to switch application-local.yml's notify URL off.
        context.withPropertyValues("recharge.notify.receiver-id=bank1", "recharge.notify.url=")
                .run(started -> assertThat(started.getBean(RechargeProperties.class).notifyTarget()).isEmpty());
    }

    @Test
    void refusesToStartWithANotifyUrlButNoReceiverId() {
        context.withPropertyValues("recharge.notify.url=" + URL)
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("recharge.notify.receiver-id must be set"));
    }

    private static PayOrder orderSentBy(RechargeProperties properties) {
        RechargeMapper recharges = mock(RechargeMapper.class);
        AccountMapper accounts = mock(AccountMapper.class);
        PayServiceClient payService = mock(PayServiceClient.class);
        given(accounts.findByAccountNo("1")).willReturn(Optional.of(new Account("1", "张三", BigDecimal.ZERO)));
        given(recharges.findByTxNo(any())).willReturn(Optional.of(new Recharge("tx", "1", new BigDecimal("50.00"),
                RechargeStatus.PENDING, null, null, RechargeOrigin.STARTED_HERE, 0, null, null, null)));

        new RechargeService(recharges, accounts, payService, properties, new Journal("account-service", 100),
                Clock.systemUTC())
                .start(new RechargeRequest("1", new BigDecimal("50.00")));

        ArgumentCaptor<PayOrder> order = ArgumentCaptor.forClass(PayOrder.class);
        verify(payService).pay(order.capture());
        return order.getValue();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(RechargeProperties.class)
    static class BoundProperties {
    }
}

package org.besteffort.account.recharge;

import org.besteffort.account.account.Account;
import org.besteffort.account.account.AccountMapper;
import org.besteffort.account.account.AccountNotFound;
import org.besteffort.account.reconciliation.PayOrder;
import org.besteffort.account.reconciliation.PayServiceClient;
import org.besteffort.common.journal.Journal;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * A recharge started for the cashier: recorded as pending like any other, but paid by the payer, not by this service.
 */
class RechargeAtCashierTests {

    private static final String NOTIFY_URL = "http://127.0.0.1:8082/notify/pay-result";

    private final RechargeMapper recharges = mock(RechargeMapper.class);
    private final AccountMapper accounts = mock(AccountMapper.class);
    private final PayServiceClient payService = mock(PayServiceClient.class);

    @Test
    void recordsThePendingRechargeAndAnswersTheOrderWithTheNotifyTargetPayingNothing() {
        given(accounts.findByAccountNo("1")).willReturn(Optional.of(new Account("1", "张三", BigDecimal.ZERO)));

        PayOrder order = service(new RechargeProperties.Notify("bank1", NOTIFY_URL))
                .startAtCashier(new RechargeRequest("1", new BigDecimal("50.00")));

        ArgumentCaptor<String> txNo = ArgumentCaptor.forClass(String.class);
        verify(recharges).insertPending(txNo.capture(), eq("1"), eq(new BigDecimal("50.00")), any(Instant.class));
        assertThat(order).isEqualTo(new PayOrder("1", new BigDecimal("50.00"), txNo.getValue(), "bank1", NOTIFY_URL));
        verifyNoInteractions(payService);
    }

    @Test
    void refusesWithoutANotifyUrlAndWritesNothing() {
        assertThatThrownBy(() -> service(null).startAtCashier(new RechargeRequest("1", BigDecimal.TEN)))
                .isInstanceOf(NotifyUrlNotConfigured.class);
        assertThatThrownBy(() -> service(new RechargeProperties.Notify("bank1", ""))
                .startAtCashier(new RechargeRequest("1", BigDecimal.TEN)))
                .isInstanceOf(NotifyUrlNotConfigured.class);
        verifyNoInteractions(recharges, payService);
    }

    @Test
    void refusesAnAmountAboveTheMaximumAndAnUnknownAccountAndWritesNothing() {
        RechargeService service = service(new RechargeProperties.Notify("bank1", NOTIFY_URL));

        assertThatThrownBy(() -> service.startAtCashier(new RechargeRequest("1", new BigDecimal("1000000.01"))))
                .isInstanceOf(RechargeAmountTooLarge.class);
        assertThatThrownBy(() -> service.startAtCashier(new RechargeRequest("404404", BigDecimal.TEN)))
                .isInstanceOf(AccountNotFound.class);
        verifyNoInteractions(recharges, payService);
    }

    private RechargeService service(RechargeProperties.Notify notify) {
        return new RechargeService(recharges, accounts, payService,
                new RechargeProperties(new BigDecimal("1000000.00"), notify), new Journal("account-service", 100),
                Clock.systemUTC());
    }
}

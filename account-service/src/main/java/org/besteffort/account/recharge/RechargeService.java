package org.besteffort.account.recharge;

import feign.FeignException;
import org.besteffort.account.account.AccountMapper;
import org.besteffort.account.account.AccountNotFound;
import org.besteffort.account.reconciliation.PayOrder;
import org.besteffort.account.reconciliation.PayServiceClient;
import org.besteffort.common.journal.Journal;
import org.besteffort.common.journal.JournalStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Starts recharges: records one as pending, then asks pay-service to pay it, outside any transaction, or leaves the
 * paying to the payer at pay-service's cashier.
 */
@Service
public class RechargeService {

    private static final Logger log = LoggerFactory.getLogger(RechargeService.class);

    private final RechargeMapper recharges;
    private final AccountMapper accounts;
    private final PayServiceClient payService;
    private final RechargeProperties properties;
    private final Journal journal;
    private final Clock clock;

    RechargeService(RechargeMapper recharges, AccountMapper accounts, PayServiceClient payService,
                    RechargeProperties properties, Journal journal, Clock clock) {
        this.recharges = recharges;
        this.accounts = accounts;
        this.payService = payService;
        this.properties = properties;
        this.journal = journal;
        this.clock = clock;
    }

    /**
     * Records the recharge as PENDING first, so that it is waited for even if this process dies right after,
     * then requests the pay. Its result arrives later, by notification or by reconciliation.
     */
    Recharge start(RechargeRequest request) {
        String txNo = recordPending(request, "", "pay-service asked to pay it");
        try (var ignored = MDC.putCloseable("txNo", txNo)) {
            try {
                payService.pay(order(request, txNo));
            } catch (FeignException.FeignClientException refused) {
                // pay-service answered 4xx: it recorded nothing, so nothing will ever be paid.
                recharges.markFailed(txNo, clock.instant());
                journal.append(txNo, JournalStep.RECHARGE_STARTED, null, "FAILED", request.accountNo(),
                        request.amount(), "refused by pay-service: " + refused.status());
                log.warn("recharge {} refused by pay-service: {}", txNo, refused.status());
            } catch (RuntimeException unanswered) {
                // Maybe paid, maybe not: reconciliation will ask pay-service and find out.
                log.warn("recharge {} not confirmed by pay-service, left to reconciliation: {}", txNo,
                        unanswered.toString());
            }
            return find(txNo);
        }
    }

    /**
     * Records the recharge as PENDING, as {@link #start} does, but pays nothing: the payer's browser takes the returned
     * order to pay-service's cashier (Alipay's computer website pay). Its result arrives as for any recharge, by
     * notification or by reconciliation, which asks about it like any other pending one.
     *
     * @throws NotifyUrlNotConfigured  if {@code recharge.notify.*} names no notify URL: the cashier requires one
     * @throws RechargeAmountTooLarge if the amount is above {@code recharge.max-amount}
     * @throws AccountNotFound        if there is no such account
     */
    public PayOrder startAtCashier(RechargeRequest request) {
        RechargeProperties.Notify notify = properties.notifyTarget().orElseThrow(NotifyUrlNotConfigured::new);
        String txNo = recordPending(request, " for the cashier", "the payer pays at pay-service's cashier");
        return new PayOrder(request.accountNo(), request.amount(), txNo, notify.receiverId(), notify.url());
    }

    /** The largest amount a recharge may have. */
    public BigDecimal maxAmount() {
        return properties.maxAmount();
    }

    /**
     * Checks the request, then records it as PENDING under a new txNo (and journals it, once written); nothing is
     * written if a check fails.
     */
    private String recordPending(RechargeRequest request, String how, String next) {
        if (request.amount().compareTo(properties.maxAmount()) > 0) {
            throw new RechargeAmountTooLarge(properties.maxAmount());
        }
        accounts.findByAccountNo(request.accountNo()).orElseThrow(() -> new AccountNotFound(request.accountNo()));
        String txNo = UUID.randomUUID().toString();
        try (var ignored = MDC.putCloseable("txNo", txNo)) {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            recharges.insertPending(txNo, request.accountNo(), request.amount(), now);
            journal.append(now, txNo, JournalStep.RECHARGE_STARTED, null, "PENDING", request.accountNo(),
                    request.amount(), "recorded; " + next);
            log.info("recharge {} started{}: account {} amount {}", txNo, how, request.accountNo(), request.amount());
        }
        return txNo;
    }

    /** The pay order, naming this receiver's notify URL when one is configured (scheme 2). */
    private PayOrder order(RechargeRequest request, String txNo) {
        return properties.notifyTarget()
                .map(notify -> new PayOrder(request.accountNo(), request.amount(), txNo, notify.receiverId(),
                        notify.url()))
                .orElseGet(() -> new PayOrder(request.accountNo(), request.amount(), txNo));
    }

    /** The recharge with this txNo; {@link RechargeNotFound} if there is none. */
    public Recharge find(String txNo) {
        return recharges.findByTxNo(txNo).orElseThrow(() -> new RechargeNotFound(txNo));
    }
}

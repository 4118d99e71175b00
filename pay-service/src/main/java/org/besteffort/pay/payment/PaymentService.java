package org.besteffort.pay.payment;

import org.besteffort.common.PayResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * Records pays: one local transaction per pay, which publishes {@link PaymentCompleted} for the notifier, run as the
 * notifier's send mode needs it ({@link PayTransaction}).
 */
@Service
public class PaymentService {

    private static final Logger log = LoggerFactory.getLogger(PaymentService.class);

    private final PaymentMapper payments;
    private final NotifyTargets notifyTargets;
    private final TransactionTemplate transaction;
    private final PayTransaction payTransaction;
    private final ApplicationEventPublisher events;
    private final PayProperties properties;
    private final Clock clock;

    PaymentService(PaymentMapper payments, NotifyTargets notifyTargets, TransactionTemplate transaction,
                   ObjectProvider<PayTransaction> payTransaction, ApplicationEventPublisher events,
                   PayProperties properties, Clock clock) {
        this.payments = payments;
        this.notifyTargets = notifyTargets;
        this.transaction = transaction;
        this.payTransaction = payTransaction.getIfAvailable(() -> PayTransaction.PLAIN);
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Records a pay, or returns the one already recorded under the request's txNo.
     *
     * @throws PaymentConflict       if the txNo is taken by a different pay
     * @throws PayAmountTooLarge     if the amount is above the configured maximum
     * @throws ReceiverNotRegistered if the pay names a receiver nobody registered
     * @throws NotifyUrlNotAllowed   if the pay names a notify URL that may not be called
     * @throws NotYourReceiver       if a receiver's pay names another receiver to notify
     * @param receiverScope the calling receiver, whose pay it is; null for the local walkthrough
     */
    public Payment pay(PayRequest request, String receiverScope) {
        // Before the transaction: a refused amount or notify target writes nothing and is never announced.
        checkPayable(request);
        String merchant = merchantOf(request, receiverScope);
        String txNo = request.txNo() != null ? request.txNo() : UUID.randomUUID().toString();
        try (var ignored = MDC.putCloseable("txNo", txNo)) {
            try {
                Payment payment = newPayment(txNo, request, merchant);
                return payTransaction.run(payment, () -> transaction.execute(status -> record(payment)));
            } catch (DuplicateKeyException taken) {
                // The unique key on tx_no decides, not a prior SELECT: a replay (or a concurrent twin) of the same
                // request gets the recorded pay, a different pay under this txNo a conflict.
                return replay(payments.findByTxNo(txNo).orElseThrow(), request, merchant);
            }
        }
    }

    /**
     * Passes when {@link #pay} would accept this request, without recording anything: what the cashier checks before
     * it shows a pay to the payer.
     *
     * @throws PayAmountTooLarge     if the amount is above the configured maximum
     * @throws ReceiverNotRegistered if the pay names a receiver nobody registered
     * @throws NotifyUrlNotAllowed   if the pay names a notify URL that may not be called
     */
    public void checkPayable(PayRequest request) {
        if (request.payAmount().compareTo(properties.maxAmount()) > 0) {
            throw new PayAmountTooLarge(properties.maxAmount());
        }
        notifyTargets.check(request);
    }

    /**
     * The pay already recorded under the request's txNo, if any: the cashier shows it instead of paying twice.
     *
     * @throws PaymentConflict if the txNo is taken by a different pay
     */
    public Optional<Payment> recordedFor(PayRequest request, String merchant) {
        if (request.txNo() == null) {
            return Optional.empty();
        }
        Optional<Payment> recorded = payments.findByTxNo(request.txNo());
        if (recorded.isPresent() && !recorded.get().sameRequestAs(request, merchant)) {
            throw new PaymentConflict(request.txNo());
        }
        return recorded;
    }

    /**
     * The pay recorded under this txNo, if the caller may see it: another receiver's pay is answered exactly as a pay
     * that does not exist, so that a txNo tells nobody else whether it was paid.
     *
     * @param receiverScope the receiver whose pays alone the caller sees; null: every receiver's (the walkthrough)
     */
    Payment find(String txNo, String receiverScope) {
        return payments.findByTxNo(txNo).filter(payment -> payment.visibleTo(receiverScope))
                .orElseThrow(() -> new PaymentNotFound(txNo));
    }

    /**
     * Whose pay a request makes. A receiver's own, always: it may ask to have only itself notified. The walkthrough's
     * keyless caller pays for the receiver the request names, or for {@code pay.walkthrough-merchant}.
     *
     * @param receiverScope the calling receiver; null for the walkthrough
     * @throws NotYourReceiver if a receiver names another receiver to notify
     */
    private String merchantOf(PayRequest request, String receiverScope) {
        if (receiverScope == null) {
            return request.receiverId() != null ? request.receiverId() : properties.walkthroughMerchant();
        }
        if (request.receiverId() != null && !request.receiverId().equals(receiverScope)) {
            throw new NotYourReceiver(receiverScope, request.receiverId());
        }
        return receiverScope;
    }

    /** The pay this request makes, as it will be recorded: the simulated bank's verdict included. */
    private Payment newPayment(String txNo, PayRequest request, String merchant) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        PayResult result = request.payAmount().compareTo(properties.declineAbove()) > 0 ? PayResult.FAIL
                : PayResult.SUCCESS;
        // Validation allows at most 2 decimals, so this only pads: 20 becomes 20.00, as DECIMAL(18,2) stores it.
        BigDecimal amount = request.payAmount().setScale(2, RoundingMode.UNNECESSARY);
        return new Payment(null, txNo, request.accountNo(), amount, result,
                request.receiverId(), request.notifyUrl(), now, now, merchant);
    }

    private Payment record(Payment payment) {
        payments.insert(payment);
        events.publishEvent(new PaymentCompleted(payment));
        log.info("pay {} recorded: account {} amount {} result {}{}", payment.txNo(), payment.accountNo(),
                payment.payAmount(), payment.result(),
                payment.receiverId() == null ? "" : ", notify " + payment.receiverId() + " at " + payment.notifyUrl());
        return payment;
    }

    private Payment replay(Payment recorded, PayRequest request, String merchant) {
        if (!recorded.sameRequestAs(request, merchant)) {
            throw new PaymentConflict(recorded.txNo());
        }
        log.info("pay {} requested again: answering the recorded one", recorded.txNo());
        return recorded;
    }
}

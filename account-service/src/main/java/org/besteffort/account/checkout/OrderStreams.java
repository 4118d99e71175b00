package org.besteffort.account.checkout;

import org.besteffort.account.receiver.PayResultApplied;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps one server-sent event stream per open order page and sends it the order's status, read from the database,
 * whenever the applier has handled a pay result for it ({@link PayResultApplied}, published after its transaction).
 */
@Component
class OrderStreams {

    private static final Logger log = LoggerFactory.getLogger(OrderStreams.class);

    /** How soon a browser opens a new stream after one ends before the order is final (a timeout, a restart). */
    private static final long RECONNECT_MILLIS = 2_000;

    private final OrderViews orders;
    private final CheckoutProperties properties;
    private final Map<String, Set<SseEmitter>> byTxNo = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();

    OrderStreams(OrderViews orders, CheckoutProperties properties) {
        this.orders = orders;
        this.properties = properties;
    }

    /**
     * A stream that starts with the order's current status and ends once the status is final.
     *
     * @throws org.besteffort.account.recharge.RechargeNotFound if there is no such order
     * @throws OrderStreamsExhausted                            if {@code checkout.max-open-streams} are open already
     */
    SseEmitter open(String txNo) {
        OrderView order = orders.find(txNo);
        SseEmitter emitter = new SseEmitter(properties.streamTimeout().toMillis());
        if (order.status().isFinal()) {
            send(txNo, emitter, order);
            return emitter;
        }
        if (open.incrementAndGet() > properties.maxOpenStreams()) {
            open.decrementAndGet();
            throw new OrderStreamsExhausted(properties.maxOpenStreams());
        }
        byTxNo.compute(txNo, (key, emitters) -> {
            Set<SseEmitter> all = emitters != null ? emitters : ConcurrentHashMap.newKeySet();
            all.add(emitter);
            return all;
        });
        emitter.onCompletion(() -> forget(txNo, emitter));
        emitter.onError(error -> forget(txNo, emitter));
        // Ends the response cleanly; the browser's EventSource opens a new stream and gets the status again.
        emitter.onTimeout(emitter::complete);
        // Read again once registered: a result applied between the first read and now is not missed.
        send(txNo, emitter, orders.find(txNo));
        return emitter;
    }

    /**
     * Runs on the thread of whichever path applied the pay result (listener, notify URL, reconciliation): it must
     * never fail that path, so nothing is thrown from here.
     */
    @EventListener
    void on(PayResultApplied applied) {
        Set<SseEmitter> waiting = byTxNo.get(applied.txNo());
        if (waiting == null) {
            return;
        }
        try {
            OrderView order = orders.find(applied.txNo());
            List.copyOf(waiting).forEach(emitter -> send(applied.txNo(), emitter, order));
        } catch (RuntimeException e) {
            log.warn("order {}: could not tell its open pages: {}", applied.txNo(), e.toString());
        }
    }

    /** How many order pages are waiting for their result now. */
    int openStreams() {
        return open.get();
    }

    private void send(String txNo, SseEmitter emitter, OrderView order) {
        try {
            emitter.send(SseEmitter.event().name("status").reconnectTime(RECONNECT_MILLIS)
                    .data(order, MediaType.APPLICATION_JSON));
            if (order.status().isFinal()) {
                emitter.complete();
                // complete() before Spring has set the stream up skips its completion callback: forget it here too.
                forget(txNo, emitter);
            }
        } catch (IOException | IllegalStateException gone) {
            // The page was closed, or its stream has just ended: nobody is left to tell.
            forget(txNo, emitter);
        }
    }

    private void forget(String txNo, SseEmitter emitter) {
        byTxNo.computeIfPresent(txNo, (key, emitters) -> {
            if (emitters.remove(emitter)) {
                open.decrementAndGet();
            }
            return emitters.isEmpty() ? null : emitters;
        });
    }
}

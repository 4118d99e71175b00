package org.besteffort.account.checkout;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The order page, where the cashier sends the payer back (the return URL), and its live status.
 */
@Controller
class OrderController {

    /** Longer than SUCCESS or FAIL: whatever else the address says is shown cut short. */
    private static final int RESULT_SHOWN = 32;

    private final OrderViews orders;
    private final OrderStreams streams;

    OrderController(OrderViews orders, OrderStreams streams) {
        this.orders = orders;
        this.streams = streams;
    }

    /**
     * The order as the database has it. The cashier's {@code result} parameter is shown, labelled as not trusted:
     * anyone can type it, and a payer who closes the tab never brings it.
     */
    @GetMapping("/checkout/orders/{txNo}")
    String order(@PathVariable String txNo, @RequestParam(required = false) String result, Model model) {
        model.addAttribute("order", orders.find(txNo));
        model.addAttribute("returnResult",
                result == null || result.length() <= RESULT_SHOWN ? result : result.substring(0, RESULT_SHOWN) + "…");
        return "order";
    }

    /** Server-sent events named {@code status}: the order now, then at each change, until it is final. */
    @GetMapping("/checkout/orders/{txNo}/events")
    SseEmitter events(@PathVariable String txNo) {
        return streams.open(txNo);
    }
}

package org.besteffort.account.reconciliation;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * pay-service as the receiver calls it, over OpenFeign; declared here, not shared with the server.
 */
@FeignClient(name = "pay-service", url = "${pay-service.url}")
public interface PayServiceClient {

    /** Asks pay-service to make a pay; its result still arrives by notification or reconciliation. */
    @PostMapping("/paydo")
    PayResultView pay(@RequestBody PayOrder order);

    /** How the pay ended; 404 (FeignException.NotFound) while pay-service has no pay with this txNo. */
    @GetMapping("/payresult/{txNo}")
    PayResultView payResult(@PathVariable("txNo") String txNo);

    /** The settled pays after {@code after} (null: from the start), oldest first. */
    @GetMapping("/statements")
    StatementPageView statement(@RequestParam(value = "after", required = false) String after,
                                @RequestParam("limit") int limit);
}

package org.besteffort.drills.scenario;

import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The two services of the running local stack, as the scenarios reach them.
 */
record Stack(PayServiceClient pay, AccountServiceClient account) {

    /** Why the scenarios cannot run against this stack, or empty when both services answer with fault switches. */
    Optional<String> whyNotReady() {
        Optional<String> payService = whyNotReady("pay-service", pay.base(), pay::faultsReply);
        return payService.isPresent() ? payService
                : whyNotReady("account-service", account.base(), account::faultsReply);
    }

    private static Optional<String> whyNotReady(String service, URI base, Supplier<Reply> faults) {
        Reply reply;
        try {
            reply = faults.get();
        } catch (StackUnreachable e) {
            return Optional.of(service + " is not running: " + e.getMessage() + ".");
        }
        if (reply.status() == 404) {
            return Optional.of(service + " answers at " + base + " but has no /ops/faults: the scenarios need the "
                    + "fault switches of the local profile.");
        }
        if (!reply.ok()) {
            return Optional.of(service + " at " + base + " answers GET /ops/faults with " + reply.status() + ".");
        }
        return Optional.empty();
    }
}

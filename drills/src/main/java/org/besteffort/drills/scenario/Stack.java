package org.besteffort.drills.scenario;

import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The three services of the running local stack, as the scenarios reach them.
 */
record Stack(PayServiceClient pay, AccountServiceClient account, NotifyGatewayClient gateway) {

    /**
     * Why the scenarios cannot run against this stack, or empty when both services answer with fault switches and the
     * gateway lets this machine into its operator API.
     */
    Optional<String> whyNotReady() {
        Optional<String> payService = whyNotReady("pay-service", pay.base(), pay::faultsReply);
        if (payService.isPresent()) {
            return payService;
        }
        Optional<String> accountService = whyNotReady("account-service", account.base(), account::faultsReply);
        return accountService.isPresent() ? accountService : whyGatewayNotReady();
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

    private Optional<String> whyGatewayNotReady() {
        Reply reply;
        try {
            reply = gateway.endpointsReply();
        } catch (StackUnreachable e) {
            return Optional.of("notify-gateway is not running: " + e.getMessage() + ".");
        }
        if (reply.status() == 401 || reply.status() == 403) {
            return Optional.of("notify-gateway at " + gateway.base() + " refuses its operator API (" + reply.status()
                    + "): the scenarios need the local profile, which lets requests from this machine in.");
        }
        if (!reply.ok()) {
            return Optional.of("notify-gateway at " + gateway.base() + " answers GET /operator/endpoints with "
                    + reply.status() + ".");
        }
        return Optional.empty();
    }
}

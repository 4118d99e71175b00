package org.besteffort.console.operate;

import jakarta.servlet.http.HttpServletRequest;
import org.besteffort.console.NoSuchService;
import org.besteffort.console.ServiceClients;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

/**
 * Both services' fault switches as the page sets them: {@code /ops/faults/pay-service} and
 * {@code /ops/faults/account-service}, forwarded to the service's own {@code /ops/faults}, which exists only in the
 * local profile (elsewhere the page gets that service's 404).
 */
@RestController
class FaultSwitchForwardController {

    private final ServiceClients clients;
    private final Forwarder forwarder;

    FaultSwitchForwardController(ServiceClients clients, Forwarder forwarder) {
        this.clients = clients;
        this.forwarder = forwarder;
    }

    @GetMapping("/ops/faults/{service}")
    ResponseEntity<byte[]> read(@PathVariable String service, HttpServletRequest request) {
        return forwarder.forward(service, clientOf(service), request, "/ops/faults", null);
    }

    @PostMapping(path = "/ops/faults/{service}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> set(@PathVariable String service, HttpServletRequest request,
                               @RequestBody byte[] change) {
        return forwarder.forward(service, clientOf(service), request, "/ops/faults", change);
    }

    private RestClient clientOf(String service) {
        if (!ServiceClients.PAY.equals(service) && !ServiceClients.ACCOUNT.equals(service)) {
            throw new NoSuchService(service);
        }
        return clients.byName(service);
    }
}

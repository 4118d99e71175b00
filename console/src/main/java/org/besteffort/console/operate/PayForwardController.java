package org.besteffort.console.operate;

import jakarta.servlet.http.HttpServletRequest;
import org.besteffort.console.ServiceClients;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A pay made from the page: {@code POST /paydo}, forwarded to pay-service as the tester's curl would send it.
 */
@RestController
class PayForwardController {

    private final ServiceClients clients;
    private final Forwarder forwarder;

    PayForwardController(ServiceClients clients, Forwarder forwarder) {
        this.clients = clients;
        this.forwarder = forwarder;
    }

    @PostMapping(path = "/paydo", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> pay(HttpServletRequest request, @RequestBody byte[] pay) {
        return forwarder.forward(ServiceClients.PAY, clients.pay(), request, "/paydo", pay);
    }
}

package org.besteffort.console.operate;

import jakarta.servlet.http.HttpServletRequest;
import org.besteffort.console.ServiceClients;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The notify gateway's operator API as the page calls it: the same paths, forwarded with the operator's own credential.
 */
@RestController
class OperatorForwardController {

    private final ServiceClients clients;
    private final Forwarder forwarder;

    OperatorForwardController(ServiceClients clients, Forwarder forwarder) {
        this.clients = clients;
        this.forwarder = forwarder;
    }

    /** One task with every attempt. */
    @GetMapping("/operator/tasks/{id}")
    ResponseEntity<byte[]> task(HttpServletRequest request) {
        return toGateway(request, null);
    }

    // JSON only: a page on another site cannot send it without the console's consent (no cross-site form post).
    @PostMapping(path = {"/operator/tasks/{id}/renotify", "/operator/receivers/{receiverId}/recover",
            "/operator/endpoints/{id}/disable", "/operator/endpoints/{id}/enable"},
            consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> act(HttpServletRequest request, @RequestBody(required = false) byte[] body) {
        return toGateway(request, body);
    }

    private ResponseEntity<byte[]> toGateway(HttpServletRequest request, byte[] body) {
        return forwarder.forward(ServiceClients.GATEWAY, clients.gateway(), request, request.getRequestURI(), body);
    }
}

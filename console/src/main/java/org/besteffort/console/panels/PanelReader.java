package org.besteffort.console.panels;

import org.besteffort.console.ServiceClients;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the state the page shows beside the timelines, each from the service that stores it.
 */
// Each answer goes to the page as the service wrote it; a service that does not answer gives null.
@Component
public class PanelReader {

    /** Tasks shown per status: the newest. */
    static final int TASKS_PER_STATUS = 8;
    static final int PROBLEMS = 20;
    static final int ACTIONS = 10;

    private final ServiceClients clients;

    PanelReader(ServiceClients clients) {
        this.clients = clients.reading();
    }

    /** Every account with its balance. */
    public JsonNode accounts() {
        return read(clients.account(), "/accounts");
    }

    /** The gateway's newest tasks of each status, its endpoints and the operator's last actions. */
    public Map<String, JsonNode> gateway() {
        Map<String, JsonNode> gateway = new LinkedHashMap<>();
        for (String status : List.of("PENDING", "FAILED", "SUCCEEDED")) {
            gateway.put(status, read(clients.gateway(),
                    "/operator/tasks?status=" + status + "&limit=" + TASKS_PER_STATUS));
        }
        gateway.put("endpoints", read(clients.gateway(), "/operator/endpoints"));
        gateway.put("actions", read(clients.gateway(), "/operator/actions?limit=" + ACTIONS));
        return gateway;
    }

    /** What the receiver could not apply: the broker's dead letters and the parked notifications. */
    public Map<String, JsonNode> problems() {
        Map<String, JsonNode> problems = new LinkedHashMap<>();
        problems.put("deadLetters", read(clients.account(), "/dead-letters?limit=" + PROBLEMS));
        problems.put("parked", read(clients.account(), "/parked-notifications?limit=" + PROBLEMS));
        return problems;
    }

    /** Both services' fault switches; null for a service that has none (only the local profile has them). */
    public Map<String, JsonNode> faults() {
        Map<String, JsonNode> faults = new LinkedHashMap<>();
        faults.put(ServiceClients.PAY, read(clients.pay(), "/ops/faults"));
        faults.put(ServiceClients.ACCOUNT, read(clients.account(), "/ops/faults"));
        return faults;
    }

    private static JsonNode read(RestClient client, String path) {
        try {
            return client.get().uri(path).retrieve().body(JsonNode.class);
        } catch (RestClientException unavailable) {
            return null;
        }
    }
}

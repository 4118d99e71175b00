package org.besteffort.local.stack;

import org.besteffort.local.infra.LocalStackLayout;

import java.util.List;

/**
 * One of the two Spring Boot services as the local stack runs it.
 *
 * @param name      module and jar name, e.g. {@code pay-service}
 * @param port      HTTP port
 * @param schema    the database it owns
 * @param extraArgs arguments beyond port, database and broker address
 */
record ServiceSpec(String name, int port, String schema, List<String> extraArgs) {

    static final ServiceSpec PAY = new ServiceSpec("pay-service", LocalStackLayout.PAY_SERVICE_PORT, "bank1_pay",
            List.of());

    static final ServiceSpec ACCOUNT = new ServiceSpec("account-service", LocalStackLayout.ACCOUNT_SERVICE_PORT,
            "bank1", List.of("--pay-service.url=http://127.0.0.1:" + PAY.port()));

    String url() {
        return "http://127.0.0.1:" + port;
    }
}

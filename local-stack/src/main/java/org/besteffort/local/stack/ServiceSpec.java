package org.besteffort.local.stack;

import org.besteffort.local.infra.LocalStackLayout;

import java.util.List;

/**
 * One of the Spring Boot services as the local stack runs it.
 *
 * @param name      module and jar name, e.g. {@code pay-service}
 * @param port      HTTP port
 * @param schema    the database it owns; null for the console, which owns none and reads the others over HTTP
 * @param extraArgs arguments beyond port, database and broker address
 */
record ServiceSpec(String name, int port, String schema, List<String> extraArgs) {

    static final ServiceSpec PAY = new ServiceSpec("pay-service", LocalStackLayout.PAY_SERVICE_PORT, "bank1_pay",
            List.of());

    static final ServiceSpec ACCOUNT = new ServiceSpec("account-service", LocalStackLayout.ACCOUNT_SERVICE_PORT,
            "bank1", List.of("--pay-service.url=http://127.0.0.1:" + PAY.port()));

    static final ServiceSpec GATEWAY = new ServiceSpec("notify-gateway", LocalStackLayout.NOTIFY_GATEWAY_PORT,
            "bank1_notify", List.of());

    static final ServiceSpec CONSOLE = new ServiceSpec("console", LocalStackLayout.CONSOLE_PORT, null, List.of());

    /**
     * In the order they start: the notifier, the receiver, the notify program that calls the receiver, then the
     * console that watches all three.
     */
    static final List<ServiceSpec> ALL = List.of(PAY, ACCOUNT, GATEWAY, CONSOLE);

    /** In the order they stop: callers before what they call. */
    static final List<ServiceSpec> STOP_ORDER = List.of(CONSOLE, GATEWAY, ACCOUNT, PAY);

    String url() {
        return "http://127.0.0.1:" + port;
    }
}

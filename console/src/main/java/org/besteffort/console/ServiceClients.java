package org.besteffort.console;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;

/**
 * One HTTP client per service the console reads and operates, with short timeouts: a service that is down (as the
 * scenarios make it) costs the page a grey dot, not a hung refresh.
 */
@Component
public class ServiceClients {

    /** The services by the names their journals give. */
    public static final String PAY = "pay-service";
    public static final String ACCOUNT = "account-service";
    public static final String GATEWAY = "notify-gateway";

    private final RestClient pay;
    private final RestClient account;
    private final RestClient gateway;
    private final List<RestClient> accountReplicas;

    ServiceClients(ConsoleProperties properties) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(Duration.ofSeconds(5));
        this.pay = client(requests, properties.payService());
        this.account = client(requests, properties.accountService());
        this.gateway = client(requests, properties.notifyGateway());
        this.accountReplicas = properties.accountServiceReplicas().stream().map(url -> client(requests, url)).toList();
    }

    private static RestClient client(JdkClientHttpRequestFactory requests, URI base) {
        return RestClient.builder().requestFactory(requests).baseUrl(base.toString()).build();
    }

    public RestClient pay() {
        return pay;
    }

    public RestClient account() {
        return account;
    }

    public RestClient gateway() {
        return gateway;
    }

    /** The other account-service instances, if several run (their balances are the same database's). */
    public List<RestClient> accountReplicas() {
        return accountReplicas;
    }

    /** The client of a service by its journal name. */
    public RestClient byName(String service) {
        return switch (service) {
            case PAY -> pay;
            case ACCOUNT -> account;
            case GATEWAY -> gateway;
            default -> throw new IllegalArgumentException("no service named " + service);
        };
    }
}

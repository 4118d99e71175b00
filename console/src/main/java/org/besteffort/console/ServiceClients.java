package org.besteffort.console;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
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
    private final ServiceClients reading;

    @Autowired
    ServiceClients(ConsoleProperties properties) {
        this(properties, "");
    }

    /** @param token the bearer token every request carries; empty: none */
    private ServiceClients(ConsoleProperties properties, String token) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(Duration.ofSeconds(5));
        this.pay = client(requests, properties.payService(), token);
        this.account = client(requests, properties.accountService(), token);
        this.gateway = client(requests, properties.notifyGateway(), token);
        this.accountReplicas = properties.accountServiceReplicas().stream()
                .map(url -> client(requests, url, token)).toList();
        this.reading = token.isEmpty() && !properties.operatorToken().isBlank()
                ? new ServiceClients(properties, properties.operatorToken()) : this;
    }

    private static RestClient client(JdkClientHttpRequestFactory requests, URI base, String token) {
        RestClient.Builder client = RestClient.builder().requestFactory(requests).baseUrl(base.toString());
        if (!token.isEmpty()) {
            client.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        return client.build();
    }

    /**
     * The same services as the console itself reads them (journals, balances, tasks, problems): with its own operator
     * token ({@code console.operator-token}) where one is set. What the page asks the console to do is forwarded
     * through the plain clients instead, with the page's own credential or none.
     */
    public ServiceClients reading() {
        return reading;
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

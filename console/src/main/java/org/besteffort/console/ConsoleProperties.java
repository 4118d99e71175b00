package org.besteffort.console;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Where the three services answer, and how often the console reads them.
 *
 * @param payService           the notifier (pay-service)
 * @param accountService       the receiver (account-service)
 * @param accountServiceReplicas more instances of the receiver, whose journals are read too: each applies the deliveries
 *                             of its own share of the queues (docker-compose runs two)
 * @param notifyGateway        the notify program (notify-gateway)
 * @param notifyUrl            account-service's notify URL as registered for {@code bank1}: a pay made on the page
 *                             that asks for an HTTP notify names it
 * @param operatorToken        the console's own operator token for what it reads (journals, balances, tasks,
 *                             problems; empty: none, which only the services' local walkthrough accepts, from
 *                             127.0.0.1); an operator's action from the page never uses it, it carries the operator's
 *                             own credential
 * @param followEvery          how often the services' journals are read (the timelines' delay, at most)
 * @param refreshEvery         how often balances, tasks and problems are read when no credit asked for it sooner
 * @param timelinesKept        how many pays the console remembers (the newest)
 * @param timelinesShown       how many of them the page shows
 * @param scenarios            whether the page may run the narrated scenarios (they flip fault switches: local only)
 * @param links                where the page's links send the browser, when that is not where the console reaches the
 *                             services (in docker-compose the console calls containers, the browser calls localhost)
 */
@ConfigurationProperties("console")
public record ConsoleProperties(URI payService, URI accountService, @DefaultValue List<URI> accountServiceReplicas,
                                URI notifyGateway, String notifyUrl,
                                @DefaultValue("") String operatorToken,
                                @DefaultValue("500ms") Duration followEvery,
                                @DefaultValue("2s") Duration refreshEvery,
                                @DefaultValue("200") int timelinesKept,
                                @DefaultValue("30") int timelinesShown,
                                @DefaultValue("false") boolean scenarios,
                                @DefaultValue Links links) {

    /**
     * The addresses a browser uses; each unset one is the address the console itself uses.
     *
     * @param checkout the merchant's checkout page (account-service's {@code /checkout})
     */
    public record Links(URI payService, URI accountService, URI notifyGateway, URI checkout) {
    }

    public URI payServiceLink() {
        return links.payService() != null ? links.payService() : payService;
    }

    public URI accountServiceLink() {
        return links.accountService() != null ? links.accountService() : accountService;
    }

    public URI notifyGatewayLink() {
        return links.notifyGateway() != null ? links.notifyGateway() : notifyGateway;
    }

    public URI checkoutLink() {
        return links.checkout() != null ? links.checkout() : accountServiceLink().resolve("/checkout");
    }
}

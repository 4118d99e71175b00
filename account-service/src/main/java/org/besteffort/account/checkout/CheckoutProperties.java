package org.besteffort.account.checkout;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/**
 * Where the payer's browser is sent, and how many order pages may wait for their result at once.
 *
 * @param payServiceUrl  pay-service as a browser reaches it (its cashier is {@code <this>/cashier}); not
 *                       {@code pay-service.url}, which is the server-to-server address
 * @param publicUrl      this service as a browser reaches it; the cashier sends the payer back to
 *                       {@code <this>/checkout/orders/{txNo}}, which pay-service must have registered as a return URL
 * @param maxOpenStreams order pages that may wait for their result at once; one more is refused with 503
 * @param streamTimeout  how long one order page's event stream stays open; the browser then opens a new one
 */
@ConfigurationProperties("checkout")
record CheckoutProperties(@DefaultValue("http://127.0.0.1:8081") String payServiceUrl,
                          @DefaultValue("http://127.0.0.1:8082") String publicUrl,
                          @DefaultValue("200") int maxOpenStreams,
                          @DefaultValue("5m") Duration streamTimeout) {

    CheckoutProperties {
        requireWebUrl("checkout.pay-service-url", payServiceUrl);
        requireWebUrl("checkout.public-url", publicUrl);
        if (maxOpenStreams < 1) {
            throw new IllegalArgumentException("checkout.max-open-streams must be at least 1");
        }
    }

    private static void requireWebUrl(String property, String url) {
        URI uri = URI.create(url);
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException(property + " must be an absolute http(s) URL, not " + url);
        }
    }
}

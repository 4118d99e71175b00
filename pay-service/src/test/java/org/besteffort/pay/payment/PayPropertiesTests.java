package org.besteffort.pay.payment;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheme 2 settings as the profiles declare them and as environment variables (docker-compose, a deployment) set
 * them.
 */
class PayPropertiesTests {

    @Test
    void bindsReceiversAndThePrivateAddressSwitchFromEnvironmentVariablesOverApplicationYml() throws IOException {
        PayProperties properties = bind(environment(Map.of(
                "PAY_RECEIVERS_SHOP2_NOTIFY_URLS_0", "https://203.0.113.10/notify",
                "PAY_RECEIVERS_SHOP2_NOTIFY_URLS_1", "https://203.0.113.11/notify",
                "PAY_ALLOW_PRIVATE_NOTIFY_URLS", "true")), yaml("application.yml"));

        assertThat(properties.receivers()).containsOnlyKeys("bank1", "shop2");
        assertThat(properties.receiver("shop2").orElseThrow().notifyUrls())
                .containsExactly("https://203.0.113.10/notify", "https://203.0.113.11/notify");
        assertThat(properties.allowPrivateNotifyUrls()).isTrue();
    }

    @Test
    void registersNobodyAndRefusesPrivateAddressesWhenNothingIsConfigured() {
        PayProperties properties = bind(environment(Map.of("PAY_MAX_AMOUNT", "5.00")));

        assertThat(properties.receivers()).isEmpty();
        assertThat(properties.receiver("bank1")).isEmpty();
        assertThat(properties.allowPrivateNotifyUrls()).isFalse();
    }

    @Test
    void registersBank1AtItsComposeAddressesAndOnLoopbackOnlyInTheLocalProfile() throws IOException {
        PayProperties byDefault = bind(yaml("application.yml"));
        PayProperties local = bind(yaml("application-local.yml"), yaml("application.yml"));

        assertThat(byDefault.receiver("bank1").orElseThrow().notifyUrls()).containsExactly(
                "http://account-service-1:8082/notify/pay-result", "http://account-service-2:8082/notify/pay-result");
        assertThat(byDefault.allowPrivateNotifyUrls()).isFalse();
        assertThat(local.receiver("bank1").orElseThrow().notifyUrls())
                .containsExactly("http://127.0.0.1:8082/notify/pay-result");
        assertThat(local.allowPrivateNotifyUrls()).isTrue();
    }

    @Test
    void registersBank1sOrderPagesAsItsReturnUrlsWhereABrowserReachesThem() throws IOException {
        PayProperties byDefault = bind(yaml("application.yml"));
        PayProperties local = bind(yaml("application-local.yml"), yaml("application.yml"));
        PayProperties fromEnvironment = bind(environment(Map.of(
                "PAY_RECEIVERS_SHOP2_RETURN_URLS_0", "https://shop.example/orders/")), yaml("application.yml"));

        assertThat(byDefault.receiver("bank1").orElseThrow().returnUrls()).containsExactly(
                "http://127.0.0.1:8082/checkout/orders/", "http://127.0.0.1:8084/checkout/orders/");
        assertThat(local.receiver("bank1").orElseThrow().returnUrls())
                .containsExactly("http://127.0.0.1:8082/checkout/orders/");
        assertThat(fromEnvironment.receiver("shop2").orElseThrow().returnUrls())
                .containsExactly("https://shop.example/orders/");
        assertThat(fromEnvironment.receiver("shop2").orElseThrow().notifyUrls()).isEmpty();
    }

    private static List<PropertySource<?>> yaml(String file) throws IOException {
        return new YamlPropertySourceLoader().load(file, new ClassPathResource(file));
    }

    /** Binds "pay" from the sources, the first one winning, as Spring Boot orders a profile before the default. */
    @SafeVarargs
    private static PayProperties bind(List<PropertySource<?>>... sources) {
        var all = new MutablePropertySources();
        for (List<PropertySource<?>> source : sources) {
            source.forEach(all::addLast);
        }
        return new Binder(ConfigurationPropertySources.from(all)).bindOrCreate("pay", PayProperties.class);
    }

    private static List<PropertySource<?>> environment(Map<String, Object> variables) {
        // Spring Boot maps FOO_BAR_0 to foo.bar[0] only for a source with this name
        return List.of(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                variables));
    }
}

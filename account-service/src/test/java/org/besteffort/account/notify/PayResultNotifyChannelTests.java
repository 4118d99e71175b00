package org.besteffort.account.notify;

import org.besteffort.account.receiver.PayResultApplier;
import org.besteffort.account.recharge.RechargeMapper;
import org.besteffort.common.PayResult;
import org.besteffort.common.PayResultNotification;
import org.besteffort.common.journal.Journal;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code receiver.channels} decides whether the notify_url exists: without {@code http} it answers 404.
 */
class PayResultNotifyChannelTests {

    private static final String SECRET = "whsec_bG9jYWwtZGV2LW5vdGlmeS1zZWNyZXQtY2hhbmdlLW1l";

    private final WebApplicationContextRunner withoutSecrets = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(WebMvcAutoConfiguration.class,
                    HttpMessageConvertersAutoConfiguration.class))
            .withUserConfiguration(BoundProperties.class, PayResultNotifyController.class,
                    NotificationVerifier.class, ExpectedPays.class)
            .withBean(PayResultApplier.class, () -> mock(PayResultApplier.class))
            .withBean(RechargeMapper.class, () -> mock(RechargeMapper.class))
            .withBean(Journal.class, () -> new Journal("account-service", 10));

    private final WebApplicationContextRunner context =
            withoutSecrets.withPropertyValues("receiver.notify.secrets[0]=" + SECRET);

    @Test
    void hasNoNotifyUrlWithoutTheHttpChannel() {
        context.withPropertyValues("receiver.channels=mq").run(started -> {
            assertThat(started).doesNotHaveBean(PayResultNotifyController.class);
            assertThat(started).doesNotHaveBean(NotificationVerifier.class);
            MockMvc mvc = MockMvcBuilders.webAppContextSetup(started).build();
            mvc.perform(post("/notify/pay-result").content(signedBody().body()))
                    .andExpect(status().isNotFound());
        });
    }

    @Test
    void answersSuccessAtTheNotifyUrlWithTheHttpChannelAndByDefault() {
        for (String channels : new String[] {"receiver.channels=http", "receiver.channels=mq,http"}) {
            context.withPropertyValues(channels).run(started -> {
                assertThat(started).hasSingleBean(PayResultNotifyController.class);
                MockMvc mvc = MockMvcBuilders.webAppContextSetup(started).build();
                GatewayPost post = signedBody();
                mvc.perform(post("/notify/pay-result").content(post.body())
                                .header("webhook-id", post.webhookId())
                                .header("webhook-timestamp", post.timestamp())
                                .header("webhook-signature", post.signature()))
                        .andExpect(status().isOk())
                        .andExpect(content().string("success"));
            });
        }
        context.run(started -> assertThat(started).hasSingleBean(PayResultNotifyController.class));
    }

    @Test
    void refusesToStartWithoutASecret() {
        withoutSecrets.withPropertyValues("receiver.channels=http")
                .run(started -> assertThat(started).hasFailed().getFailure()
                        .hasRootCauseMessage("receiver.notify.secrets is empty: the notify_url could verify nothing"));
    }

    private static GatewayPost signedBody() {
        var pay = new PayResultNotification(PayResultNotification.TYPE, "bank1", "tx-channel", "1",
                new BigDecimal("1.00"), PayResult.SUCCESS, Instant.now());
        return GatewayPost.signed(SECRET, pay.toJson());
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(NotifyProperties.class)
    static class BoundProperties {
    }
}

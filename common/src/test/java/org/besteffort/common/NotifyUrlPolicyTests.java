package org.besteffort.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class NotifyUrlPolicyTests {

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8082/notify", "http://localhost/notify", "http://10.0.0.7/notify",
            "http://172.16.3.4/notify", "http://192.168.1.1/notify", "http://169.254.169.254/latest/meta-data",
            "http://0.0.0.0/notify", "http://[::1]/notify", "http://[fd00::1]/notify", "http://100.64.0.1/notify"})
    void refusesAddressesInsideThePrivateNetwork(String url) {
        assertThat(NotifyUrlPolicy.refusal(url, false)).hasValueSatisfying(
                reason -> assertThat(reason).contains("private or loopback"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://203.0.113.10/notify", "file:///etc/passwd", "gopher://203.0.113.10/",
            "not a url", "http:///no-host", "http://user:pw@203.0.113.10/notify"})
    void refusesWhatIsNotAPlainHttpUrl(String url) {
        assertThat(NotifyUrlPolicy.refusal(url, true)).isPresent();
    }

    @Test
    void acceptsAPublicAddress() {
        assertThat(NotifyUrlPolicy.refusal("https://203.0.113.10/notify", false)).isEmpty();
    }

    @Test
    void acceptsLoopbackWhereThePrivateNetworkIsAllowed() {
        assertThat(NotifyUrlPolicy.refusal("http://127.0.0.1:8082/notify/pay-result", true)).isEmpty();
    }
}

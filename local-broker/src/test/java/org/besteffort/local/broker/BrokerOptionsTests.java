package org.besteffort.local.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class BrokerOptionsTests {

    @Test
    void defaultsToRocketMqsPortsAndDelayLevels() {
        BrokerOptions options = BrokerOptions.parse("--store-dir=target/broker");

        assertThat(options.nameServerPort()).isEqualTo(9876);
        assertThat(options.brokerPort()).isEqualTo(10911);
        assertThat(options.delayLevels()).startsWith("1s 5s 10s 30s 1m").endsWith("1h 2h");
        assertThat(options.topics()).isEmpty();
        assertThat(options.consumerGroups()).isEmpty();
        assertThat(options.storeDir()).isEqualTo(Path.of("target/broker").toAbsolutePath());
    }

    @Test
    void readsTopicsAndGroupsAsCommaLists() {
        BrokerOptions options = BrokerOptions.parse("--store-dir=/tmp/b", "--namesrv-port=19876",
                "--broker-port=20911", "--delay-levels=1s 1s", "--topics=a, b", "--groups=g1");

        assertThat(options.nameServerAddress()).isEqualTo("127.0.0.1:19876");
        assertThat(options.brokerPort()).isEqualTo(20911);
        assertThat(options.delayLevels()).isEqualTo("1s 1s");
        assertThat(options.topics()).containsExactly("a", "b");
        assertThat(options.consumerGroups()).containsExactly("g1");
        assertThat(options.logDir()).isEqualTo(Path.of("/tmp/b/logs"));
    }

    @Test
    void asksAboutUnansweredHalfMessagesWithinSecondsUnlessToldOtherwise() {
        assertThat(BrokerOptions.parse("--store-dir=x").transactions())
                .isEqualTo(new BrokerOptions.TransactionChecks(5_000, 3_000, 40));

        BrokerOptions options = BrokerOptions.parse("--store-dir=x", "--transaction-timeout-ms=1000",
                "--transaction-check-interval-ms=500", "--transaction-check-max=5");

        assertThat(options.transactions()).isEqualTo(new BrokerOptions.TransactionChecks(1_000, 500, 5));
        assertThatThrownBy(() -> BrokerOptions.parse("--store-dir=x", "--transaction-check-max=0"))
                .hasMessageContaining("positive");
    }

    @Test
    void rejectsAMissingStoreDirAndUnknownOptions() {
        assertThatThrownBy(BrokerOptions::parse).hasMessageContaining("--store-dir");
        assertThatThrownBy(() -> BrokerOptions.parse("--store-dir=x", "--prot=1")).hasMessageContaining("--prot");
    }
}

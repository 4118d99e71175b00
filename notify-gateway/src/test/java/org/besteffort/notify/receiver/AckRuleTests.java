package org.besteffort.notify.receiver;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class AckRuleTests {

    @ParameterizedTest(name = "{0} {1} \"{2}\" -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            SUCCESS_BODY | 200 | success   | true
            SUCCESS_BODY | 200 | 'success\n' | true
            SUCCESS_BODY | 200 | SUCCESS   | false
            SUCCESS_BODY | 200 | OK        | false
            SUCCESS_BODY | 200 | ''        | false
            SUCCESS_BODY | 500 | success   | false
            SUCCESS_BODY | 302 | success   | false
            ANY_2XX      | 200 | whatever  | true
            ANY_2XX      | 204 | ''        | true
            ANY_2XX      | 299 | ''        | true
            ANY_2XX      | 300 | ''        | false
            ANY_2XX      | 503 | success   | false
            """)
    void acknowledgesOnlyWhatTheReceiverAgreedTo(AckRule rule, int status, String body, boolean acknowledged) {
        assertThat(rule.acknowledges(status, body.replace("\\n", "\n"))).isEqualTo(acknowledged);
    }
}

package org.besteffort.pay.access;

import com.alibaba.fastjson2.JSON;
import org.besteffort.local.infra.AccessTable;
import org.besteffort.local.infra.OpenApiDocument;
import org.besteffort.local.infra.TestHttp;
import org.besteffort.pay.PayServiceITSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of pay-service × {anonymous, receiver A (bank1), receiver B (shop2), operator}, outside the local
 * profile: the status each gets, from one table. Receiver A's pay is asked for by each caller, by txNo and by
 * statement. The statement settles at once here, so that a pay is on it as soon as it is made.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"statement.settle-lag=0s",
        "pay.receivers.bank1.notify-urls[0]=" + PayServiceAccessIT.BANK1_NOTIFY_URL})
class PayServiceAccessIT extends PayServiceITSupport {

    /** A notify URL bank1 registered, on a public address (documentation range): one a pay may name. */
    static final String BANK1_NOTIFY_URL = "https://203.0.113.10/notify";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mapping;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void answersEachCallerAsTheTableSays() {
        String txNoOfA = "A-" + run;
        assertThat(as(BANK1_KEY).postJson("/paydo", pay(txNoOfA)).status()).isEqualTo(200);

        AccessTable table = AccessTable.anonymousReceiversOperator(anonymous(), BANK1_KEY, SHOP2_KEY, OPERATOR_TOKEN)
                // A new pay each time (no txNo): each caller the table lets in makes one.
                .row("POST /paydo", "/paydo", "{\"accountNo\":\"1\",\"payAmount\":1.00}", 401, 200, 200, 403)
                .row("GET /paydo", "/paydo?accountNo=1&payAmount=1.00", null, 401, 200, 200, 403)
                // Receiver A's pay: B is told it does not exist.
                .row("GET /payresult/{txNo}", "/payresult/" + txNoOfA, null, 401, 200, 404, 403)
                .row("GET /statements", "/statements?limit=500", null, 401, 200, 200, 403)
                .row("GET /ops/journal", "/ops/journal?limit=1", null, 401, 403, 403, 200)
                // The payer's cashier is public: an order without its fields is refused by the page, not the edge.
                .row("GET /cashier", "/cashier", null, 400, 400, 400, 400)
                .row("POST /cashier", "/cashier", "{}", 400, 400, 400, 400)
                .row("health", "/actuator/health", null, 200, 200, 200, 200)
                .row("metrics", "/actuator/metrics", null, 401, 403, 403, 200)
                .row("OpenAPI", "/v3/api-docs/api", null, 200, 200, 200, 200)
                .row("a path nobody maps", "/nothing-here", null, 401, 403, 403, 403);

        assertThat(table.mismatches()).isEmpty();
        // Every endpoint the service maps has its row.
        assertThat(table.unlisted(OpenApiDocument.endpoints(mapping, "org.besteffort"))).isEmpty();
    }

    @Test
    void showsEachReceiverOnlyItsOwnPays() {
        String ofA = "A-own-" + run;
        String ofB = "B-own-" + run;
        assertThat(as(BANK1_KEY).postJson("/paydo", pay(ofA)).status()).isEqualTo(200);
        assertThat(as(SHOP2_KEY).postJson("/paydo", pay(ofB)).status()).isEqualTo(200);

        var aAsksForB = as(BANK1_KEY).get("/payresult/" + ofB);
        var bAsksForA = as(SHOP2_KEY).get("/payresult/" + ofA);
        // Exactly as a txNo nobody paid: another receiver's pay is not even said to exist.
        var nobodysTxNo = as(BANK1_KEY).get("/payresult/none-" + run);
        assertThat(aAsksForB.status()).isEqualTo(404);
        assertThat(bAsksForA.status()).isEqualTo(404);
        assertThat(JSON.parseObject(aAsksForB.body()).getString("title"))
                .isEqualTo(JSON.parseObject(nobodysTxNo.body()).getString("title"));
        assertThat(as(SHOP2_KEY).get("/payresult/" + ofB).status()).isEqualTo(200);

        assertThat(statementOf(BANK1_KEY)).contains(ofA).doesNotContain(ofB);
        assertThat(statementOf(SHOP2_KEY)).contains(ofB).doesNotContain(ofA);
        // A receiver replaying another's txNo gets a conflict, not the other's pay.
        assertThat(as(SHOP2_KEY).postJson("/paydo", pay(ofA)).status()).isEqualTo(409);
        // A receiver may have only itself notified.
        var forAnother = as(SHOP2_KEY).postJson("/paydo", """
                {"accountNo":"1","payAmount":1.00,"receiverId":"bank1","notifyUrl":"%s"}""".formatted(BANK1_NOTIFY_URL));
        var forItself = as(BANK1_KEY).postJson("/paydo", """
                {"accountNo":"1","payAmount":1.00,"receiverId":"bank1","notifyUrl":"%s"}""".formatted(BANK1_NOTIFY_URL));
        assertThat(forItself.status()).isEqualTo(200);
        assertThat(forAnother.status()).isEqualTo(403);
        assertThat(JSON.parseObject(forAnother.body()).getString("detail")).contains("shop2", "bank1");
    }

    @Test
    void refusesAKeyItDoesNotKnowAndAnotherScheme() {
        var unknown = as("not-a-key").get("/statements");
        var basic = anonymous().get("/statements?limit=1");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(basic.status()).isEqualTo(401);
    }

    @Test
    void showsHealthToEveryoneAndItsDetailsToOperatorsOnly() {
        var publicHealth = JSON.parseObject(anonymous().get("/actuator/health").body());
        var receiversHealth = JSON.parseObject(as(BANK1_KEY).get("/actuator/health").body());
        var operatorsHealth = JSON.parseObject(operatorHttp().get("/actuator/health").body());
        assertThat(publicHealth.getString("status")).isEqualTo("UP");
        assertThat(publicHealth.containsKey("components")).isFalse();
        assertThat(receiversHealth.containsKey("components")).isFalse();
        assertThat(operatorsHealth.getJSONObject("components").keySet()).contains("db");
    }

    private List<String> statementOf(String key) {
        List<String> txNos = new ArrayList<>();
        String after = null;
        while (true) {
            var page = JSON.parseObject(as(key).get("/statements?limit=500"
                    + (after == null ? "" : "&after=" + after)).body());
            var pays = page.getJSONArray("pays");
            if (pays.isEmpty()) {
                return txNos;
            }
            for (int i = 0; i < pays.size(); i++) {
                txNos.add(pays.getJSONObject(i).getString("txNo"));
            }
            after = page.getString("next");
        }
    }

    private TestHttp as(String key) {
        return anonymous().withBearer(key);
    }

    private static String pay(String txNo) {
        return "{\"accountNo\":\"1\",\"payAmount\":1.00,\"txNo\":\"" + txNo + "\"}";
    }
}

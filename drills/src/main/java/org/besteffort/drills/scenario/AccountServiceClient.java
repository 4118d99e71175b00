package org.besteffort.drills.scenario;

import java.math.BigDecimal;
import com.alibaba.fastjson2.JSONArray;
import com.alibaba.fastjson2.JSONObject;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * account-service as the scenarios use it: start a recharge, watch it, read a balance, post to its notify URL as the
 * gateway (or a forger) would, count what its applier did, turn the receiver's fault switches.
 */
class AccountServiceClient {

    private final JsonHttpClient http;

    AccountServiceClient(URI base) {
        this.http = new JsonHttpClient(base);
    }

    URI base() {
        return http.base();
    }

    /** {@code POST /recharges}, which must answer 202. */
    RechargeView startRecharge(String accountNo, BigDecimal amount) {
        return http.post("/recharges", new RechargeRequest(accountNo, amount)).expect(202, "POST /recharges")
                .as(RechargeView.class);
    }

    /** The recharge, or empty while account-service does not know the txNo (404). */
    Optional<RechargeView> recharge(String txNo) {
        Reply reply = http.get("/recharges/" + txNo);
        if (reply.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(reply.expect(200, "GET /recharges/" + txNo).as(RechargeView.class));
    }

    /** A recharge that account-service must know, because it started it. */
    RechargeView knownRecharge(String txNo) {
        return recharge(txNo).orElseThrow(() -> new UnexpectedAnswer("GET /recharges/" + txNo
                + " answered 404 for a recharge account-service started"));
    }

    AccountView account(String accountNo) {
        return http.get("/accounts/" + accountNo).expect(200, "GET /accounts/" + accountNo).as(AccountView.class);
    }

    /** {@code POST /notify/pay-result} with this body and these headers, answered as it comes. */
    Reply notify(String body, Map<String, String> headers) {
        return http.postExactly("/notify/pay-result", body, headers);
    }

    /**
     * How many pay results the applier has handled by this path ending this way since account-service started
     * (its {@code notify.applied} counter, say MESSAGE / ALREADY_APPLIED); 0 before the first.
     */
    long applied(RechargeView.SettledBy path, String outcome) {
        String metric = "/actuator/metrics/notify.applied?tag=path:" + path + "&tag=outcome:" + outcome;
        Reply reply = http.get(metric);
        if (reply.status() == 404) {
            return 0; // no such pay result handled yet: the counter does not exist
        }
        JSONArray measurements = JSONObject.parseObject(reply.expect(200, "GET " + metric).body())
                .getJSONArray("measurements");
        return measurements.isEmpty() ? 0 : Math.round(measurements.getJSONObject(0).getDoubleValue("value"));
    }

    Reply faultsReply() {
        return http.get("/ops/faults");
    }

    ReceiverFaults faults() {
        return faultsReply().expect(200, "GET " + base() + "/ops/faults").as(ReceiverFaults.class);
    }

    ReceiverFaults changeFaults(ReceiverFaults.Change change) {
        return http.post("/ops/faults", change).expect(200, "POST " + base() + "/ops/faults")
                .as(ReceiverFaults.class);
    }
}

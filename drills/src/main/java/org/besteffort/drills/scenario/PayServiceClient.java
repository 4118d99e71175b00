package org.besteffort.drills.scenario;

import java.net.URI;

/**
 * pay-service as the scenarios use it: pay, ask how a pay ended, turn the notifier's fault switches.
 */
class PayServiceClient {

    private final JsonHttpClient http;

    PayServiceClient(URI base) {
        this.http = new JsonHttpClient(base);
    }

    URI base() {
        return http.base();
    }

    /** {@code POST /paydo}, answered as it comes: a replay scenario wants to see the 409 too. */
    Reply pay(PayRequest request) {
        return http.post("/paydo", request);
    }

    /** {@code POST /paydo}, which must answer 200. */
    PaymentView payOk(PayRequest request) {
        return pay(request).expect(200, "POST /paydo").as(PaymentView.class);
    }

    Reply payResult(String txNo) {
        return http.get("/payresult/" + txNo);
    }

    Reply faultsReply() {
        return http.get("/ops/faults");
    }

    NotifierFaults faults() {
        return faultsReply().expect(200, "GET " + base() + "/ops/faults").as(NotifierFaults.class);
    }

    NotifierFaults changeFaults(NotifierFaults.Change change) {
        return http.post("/ops/faults", change).expect(200, "POST " + base() + "/ops/faults")
                .as(NotifierFaults.class);
    }
}

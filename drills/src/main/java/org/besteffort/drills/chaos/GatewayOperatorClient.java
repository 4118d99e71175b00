package org.besteffort.drills.chaos;

import com.alibaba.fastjson2.JSON;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * The drill acting as the gateway's operator (its API is open to this machine under the local profile): recover the
 * tasks the gateway gave up on.
 */
final class GatewayOperatorClient {

    private final String gatewayUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    GatewayOperatorClient(String gatewayUrl) {
        this.gatewayUrl = gatewayUrl;
    }

    /**
     * {@code POST /operator/receivers/{id}/recover}: every FAILED task of the receiver created since then is due again
     * with fresh attempts. Returns how many; 0 if the gateway cannot be reached (it may be restarting).
     */
    int recover(String receiverId, Instant since) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayUrl + "/operator/receivers/" + receiverId
                        + "/recover"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"since\":\"" + since + "\"}")).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("recover answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.parseObject(response.body()).getIntValue("tasks");
        } catch (IOException unreachable) {
            return 0;
        }
    }
}

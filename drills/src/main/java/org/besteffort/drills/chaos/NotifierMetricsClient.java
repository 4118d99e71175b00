package org.besteffort.drills.chaos;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONArray;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * pay-service's own count of the notifications it never put on the topic (its {@code notify.notifications} counter):
 * the pays the gateway cannot know of. pay-service is never killed in the drill, so the count is complete.
 */
final class NotifierMetricsClient {

    private final String payUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    NotifierMetricsClient(String payUrl) {
        this.payUrl = payUrl;
    }

    /** Notifications dropped by the fault switch or failed to send. */
    long notAnnounced() throws InterruptedException {
        return notifications("dropped") + notifications("failed");
    }

    private long notifications(String outcome) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(payUrl
                + "/actuator/metrics/notify.notifications?tag=outcome:" + outcome)).timeout(Duration.ofSeconds(10))
                .GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                return 0; // none yet: the counter does not exist
            }
            JSONArray measurements = JSON.parseObject(response.body()).getJSONArray("measurements");
            return Math.round(measurements.getJSONObject(0).getDoubleValue("value"));
        } catch (IOException e) {
            throw new UncheckedIOException("pay-service's metrics did not answer", e);
        }
    }
}

package org.besteffort.drills.benchmark;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONObject;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the benchmark asks the gateway's actuator: its heap in use, its connection pool, and the dispatcher's settings
 * as it resolved them.
 */
final class GatewayActuatorClient {

    private final String gatewayUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    GatewayActuatorClient(String gatewayUrl) {
        this.gatewayUrl = gatewayUrl;
    }

    /** {@code jvm.memory.used} with tag {@code area:heap}, in MiB; -1 if the gateway did not answer. */
    double heapUsedMiB() {
        double bytes = metric("jvm.memory.used?tag=area:heap");
        return bytes < 0 ? -1 : bytes / (1024 * 1024);
    }

    /** Threads waiting for a database connection right now ({@code hikaricp.connections.pending}); -1 if unknown. */
    double connectionsPending() {
        return metric("hikaricp.connections.pending");
    }

    /** The size of its connection pool ({@code hikaricp.connections.max}); -1 if unknown. */
    double connectionsMax() {
        return metric("hikaricp.connections.max");
    }

    /** The first measurement of a metric, e.g. {@code jvm.memory.used?tag=area:heap}; -1 if it did not answer. */
    private double metric(String nameAndTags) {
        try {
            JSONObject metric = JSON.parseObject(get("/actuator/metrics/" + nameAndTags));
            return metric.getJSONArray("measurements").getJSONObject(0).getDoubleValue("value");
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The bound {@code gateway.dispatch.*} properties, from {@code /actuator/configprops/gateway.dispatch}. */
    Map<String, Object> dispatchSettings() throws IOException {
        JSONObject contexts = JSON.parseObject(get("/actuator/configprops/gateway.dispatch"))
                .getJSONObject("contexts");
        for (String context : contexts.keySet()) {
            JSONObject beans = contexts.getJSONObject(context).getJSONObject("beans");
            for (String bean : beans.keySet()) {
                JSONObject properties = beans.getJSONObject(bean);
                if ("gateway.dispatch".equals(properties.getString("prefix"))) {
                    return new LinkedHashMap<>(properties.getJSONObject("properties"));
                }
            }
        }
        throw new IOException("the gateway reports no gateway.dispatch properties");
    }

    private String get(String path) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayUrl + path)).timeout(Duration.ofSeconds(5))
                .GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("GET " + path + " answered " + response.statusCode());
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}

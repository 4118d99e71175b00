package org.besteffort.drills.scenario;

import com.alibaba.fastjson2.JSON;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * JSON over HTTP to one service of the local stack; any status is a {@link Reply}, no connection is
 * {@link StackUnreachable}.
 */
class JsonHttpClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final URI base;
    private final HttpClient http;

    JsonHttpClient(URI base) {
        this.base = base;
        // HTTP/1.1: the services are plain Tomcat, an h2c upgrade attempt would only add a round trip.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT)
                .build();
    }

    URI base() {
        return base;
    }

    Reply get(String path) {
        return send(request(path).GET());
    }

    Reply post(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.toJSONString(body))));
    }

    /** A POST without a body: an action named by its path alone. */
    Reply post(String path) {
        return send(request(path).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** POSTs a JSON body exactly as given, byte for byte, with these extra headers: what a signature covers. */
    Reply postExactly(String path, String json, Map<String, String> headers) {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        return send(request);
    }

    private HttpRequest.Builder request(String path) {
        String root = base.toString().replaceAll("/+$", "");
        return HttpRequest.newBuilder(URI.create(root + path)).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json");
    }

    private Reply send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new StackUnreachable(base, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while calling " + request.uri());
        }
    }
}

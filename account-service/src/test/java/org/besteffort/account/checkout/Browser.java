package org.besteffort.account.checkout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * What a browser does in the checkout flow, in plain HTTP: follow no redirect by itself (the test reads each
 * Location), post forms, and listen to an event stream.
 */
final class Browser {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private Browser() {
    }

    static HttpResponse<String> get(String url, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    static HttpResponse<String> postForm(String url, Map<String, String> fields, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields)));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    /** Fields as a form (or a query) encodes them. */
    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** The decoded query parameters of a URL, in order. */
    static Map<String, String> query(String url) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String query = URI.create(url).getRawQuery();
        Arrays.stream(query == null ? new String[0] : query.split("&")).map(pair -> pair.split("=", 2))
                .forEach(pair -> parameters.put(URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                        pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : ""));
        return parameters;
    }

    /** The path and query of a URL, to ask another host the same. */
    static String pathAndQuery(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElseThrow(() -> new AssertionError(
                "no Location in a " + response.statusCode() + " answer"));
    }

    /** An event stream as an EventSource reads it: each line as it arrives, and whether the server ended it. */
    static EventStream listen(String url) {
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<HttpResponse<Void>> response = CLIENT.sendAsync(HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofByteArrayConsumer(
                new LineCollector(lines)));
        return new EventStream(lines, response);
    }

    record EventStream(List<String> lines, CompletableFuture<HttpResponse<Void>> response) {

        /** The data of every event received so far. */
        List<String> data() {
            return lines.stream().filter(line -> line.startsWith("data:")).map(line -> line.substring(5)).toList();
        }

        boolean ended() {
            return response.isDone();
        }
    }

    /** Splits a stream into lines as its bytes arrive; at '\n', which is never part of a multi-byte character. */
    private static final class LineCollector implements Consumer<Optional<byte[]>> {

        private final List<String> lines;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        LineCollector(List<String> lines) {
            this.lines = lines;
        }

        @Override
        public synchronized void accept(Optional<byte[]> chunk) {
            chunk.ifPresent(bytes -> {
                for (byte b : bytes) {
                    if (b == '\n') {
                        lines.add(pending.toString(StandardCharsets.UTF_8));
                        pending.reset();
                    } else {
                        pending.write(b);
                    }
                }
            });
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

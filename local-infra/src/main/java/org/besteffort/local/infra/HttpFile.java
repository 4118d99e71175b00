package org.besteffort.local.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file of ready-made requests in the format IntelliJ's HTTP client and VS Code's REST Client both read: file
 * variables ({@code @pay = http://127.0.0.1:8081}), requests separated by {@code ###} lines, {@code {{name}}}
 * substituted. Each request says the status it expects in a comment, {@code # expect: 200}, which both tools ignore
 * and the services' tests check, so that the files never drift from the API.
 */
public record HttpFile(Path path, Map<String, String> variables, List<Request> requests,
                       Map<String, String> extraHeaders) {

    private static final Pattern VARIABLE = Pattern.compile("^@([A-Za-z0-9_-]+)\\s*=\\s*(.*)$");
    private static final Pattern EXPECT = Pattern.compile("^#\\s*expect:\\s*(\\d{3})\\s*$");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z0-9_-]+)}}");
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * One request.
     *
     * @param name     the words after its {@code ###}
     * @param expected the status its {@code # expect:} comment names
     */
    public record Request(String name, String method, String url, Map<String, String> headers, String body,
                          int expected) {
    }

    /** What a run of the file saw: one line per request whose status was not the expected one. */
    public record Outcome(int requests, List<String> unexpected) {
    }

    /**
     * Reads the file.
     *
     * @throws IllegalArgumentException naming the request, if one has no request line or no {@code # expect:}
     */
    public static HttpFile read(Path path) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> variables = new LinkedHashMap<>();
        List<Request> requests = new ArrayList<>();
        List<String> block = null;
        String name = null;
        for (String line : lines) {
            if (line.startsWith("###")) {
                if (block != null) {
                    requests.add(request(path, name, block));
                }
                name = line.substring(3).strip();
                block = new ArrayList<>();
            } else if (block != null) {
                block.add(line);
            } else {
                Matcher variable = VARIABLE.matcher(line.strip());
                if (variable.matches()) {
                    variables.put(variable.group(1), variable.group(2).strip());
                }
            }
        }
        if (block != null) {
            requests.add(request(path, name, block));
        }
        return new HttpFile(path, variables, requests, Map.of());
    }

    private static Request request(Path path, String name, List<String> block) {
        Integer expected = null;
        String method = null;
        String url = null;
        Map<String, String> headers = new LinkedHashMap<>();
        StringBuilder body = new StringBuilder();
        boolean inHeaders = false;
        boolean inBody = false;
        for (String line : block) {
            if (inBody) {
                body.append(line).append('\n');
                continue;
            }
            String stripped = line.strip();
            Matcher expect = EXPECT.matcher(stripped);
            if (method == null) {
                if (expect.matches()) {
                    expected = Integer.parseInt(expect.group(1));
                } else if (!stripped.isEmpty() && !stripped.startsWith("#") && !stripped.startsWith("//")) {
                    String[] parts = stripped.split("\\s+");
                    method = parts[0];
                    url = parts[1];
                    inHeaders = true;
                }
            } else if (inHeaders) {
                if (stripped.isEmpty()) {
                    inHeaders = false;
                    inBody = true;
                } else if (!stripped.startsWith("#")) {
                    int colon = stripped.indexOf(':');
                    headers.put(stripped.substring(0, colon).strip(), stripped.substring(colon + 1).strip());
                }
            }
        }
        if (method == null || expected == null) {
            throw new IllegalArgumentException(path.getFileName() + ", request '" + name + "': "
                    + (method == null ? "no request line" : "no '# expect: <status>' comment"));
        }
        return new Request(name, method, url, headers, body.toString().strip(), expected);
    }

    /** The same file with these variables replaced, e.g. the hosts of a test's services. */
    public HttpFile with(Map<String, String> overrides) {
        Map<String, String> merged = new LinkedHashMap<>(variables);
        merged.putAll(overrides);
        return new HttpFile(path, merged, requests, extraHeaders);
    }

    /**
     * The same file with a header added to every request: what a deployment adds that the local stack does not need,
     * such as the operator's {@code Authorization}.
     */
    public HttpFile withHeader(String name, String value) {
        Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
        headers.put(name, value);
        return new HttpFile(path, variables, requests, headers);
    }

    /** Sends every request in order, and reports those answered with another status than they expect. */
    public Outcome run() {
        List<String> unexpected = new ArrayList<>();
        for (Request request : requests) {
            String url = substitute(request.url());
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .method(request.method(), request.body().isEmpty() ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(substitute(request.body())));
            request.headers().forEach((header, value) -> builder.header(header, substitute(value)));
            extraHeaders.forEach(builder::header);
            try {
                HttpResponse<String> response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != request.expected()) {
                    unexpected.add("%s: '%s' %s %s expected %d, got %d: %s".formatted(path.getFileName(),
                            request.name(), request.method(), url, request.expected(), response.statusCode(),
                            response.body()));
                }
            } catch (IOException e) {
                unexpected.add(path.getFileName() + ": '" + request.name() + "' failed: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return new Outcome(requests.size(), unexpected);
    }

    private String substitute(String text) {
        Matcher placeholder = PLACEHOLDER.matcher(text);
        StringBuilder substituted = new StringBuilder();
        while (placeholder.find()) {
            String value = variables.get(placeholder.group(1));
            if (value == null) {
                throw new IllegalArgumentException(path.getFileName() + ": no variable " + placeholder.group(1));
            }
            placeholder.appendReplacement(substituted, Matcher.quoteReplacement(value));
        }
        placeholder.appendTail(substituted);
        return substituted.toString();
    }
}

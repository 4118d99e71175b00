package org.besteffort.edge;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The error page Tomcat writes itself, for a request that never reached Spring (a path it refuses to decode, such as
 * {@code /%2e%2e%2f}, or a malformed request line): a ProblemDetail like every other error, not Tomcat's HTML page.
 * It says no more than the status: no server version, no stack trace.
 */
public class ProblemDetailErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known != null ? known.getReasonPhrase() : "Error";
        String detail = status >= 500 ? "The server could not handle the request."
                : "The server cannot handle this request as sent (" + title.toLowerCase() + ").";
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"about:blank\",\"title\":\"%s\",\"status\":%d,\"detail\":\"%s\"}"
                        .formatted(title, status, detail));
            }
        } catch (IOException | IllegalStateException notWritten) {
            // The connection is gone or the response committed: nothing more can be said.
        }
    }
}

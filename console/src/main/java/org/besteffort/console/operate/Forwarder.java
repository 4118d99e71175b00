package org.besteffort.console.operate;

import jakarta.servlet.http.HttpServletRequest;
import org.besteffort.console.ServiceDidNotAnswer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Passes a request from the page to a service unchanged (method, path, query, JSON body and the caller's
 * {@code Authorization}) and its answer back unchanged: the service, not the console, decides who may do what.
 */
@Component
class Forwarder {

    /** Answers to the page are small (a task, a switch, a pay); a bigger one is cut, not buffered. */
    private static final int MAX_ANSWER = 256 * 1024;

    ResponseEntity<byte[]> forward(String service, RestClient client, HttpServletRequest request, String path,
                                   byte[] body) {
        String query = request.getQueryString();
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        try {
            RestClient.RequestBodySpec call = client.method(HttpMethod.valueOf(request.getMethod()))
                    .uri(query == null ? path : path + "?" + query)
                    .headers(headers -> {
                        if (authorization != null) {
                            headers.set(HttpHeaders.AUTHORIZATION, authorization);
                        }
                    });
            if (body != null && body.length > 0) {
                call = call.contentType(MediaType.APPLICATION_JSON).body(body);
            }
            return call.exchange((sent, answer) -> {
                MediaType type = answer.getHeaders().getContentType();
                ResponseEntity.BodyBuilder forwarded = ResponseEntity.status(answer.getStatusCode());
                if (type != null) {
                    forwarded.contentType(type);
                }
                return forwarded.body(answer.getBody().readNBytes(MAX_ANSWER));
            });
        } catch (RestClientException e) {
            throw new ServiceDidNotAnswer(service, e);
        }
    }
}

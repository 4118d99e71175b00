package org.besteffort.edge;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Refuses a request body larger than {@code edge.max-request-body} (64 KB unless set) with 413 and a ProblemDetail,
 * before anything parses it: every body these services take is a small JSON document or form. A declared length is
 * checked without reading; a chunked body is read up to one byte past the limit, then handed on as read.
 */
public class RequestBodyLimit extends OncePerRequestFilter implements Ordered {

    private final DataSize limit;
    private final HandlerExceptionResolver problems;

    RequestBodyLimit(DataSize limit, HandlerExceptionResolver problems) {
        this.limit = limit;
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > limit.toBytes()) {
            refuse(request, response, declared + " bytes");
            return;
        }
        if (declared < 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
            byte[] body = request.getInputStream().readNBytes(Math.toIntExact(limit.toBytes()) + 1);
            if (body.length > limit.toBytes()) {
                refuse(request, response, "more than " + limit.toBytes() + " bytes");
                return;
            }
            chain.doFilter(new ReadBody(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Through the services' exception handling, so that the answer is the ProblemDetail every other error is. */
    private void refuse(HttpServletRequest request, HttpServletResponse response, String size) {
        // The client may still be sending: close the connection after the answer instead of reading the rest.
        response.setHeader(HttpHeaders.CONNECTION, "close");
        problems.resolveException(request, response, null, new RequestBodyTooLarge(size, limit));
    }

    /** A request whose body was read already: its bytes, read again. */
    private static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body was read already");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            Charset charset = getCharacterEncoding() == null ? StandardCharsets.UTF_8
                    : Charset.forName(getCharacterEncoding());
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}

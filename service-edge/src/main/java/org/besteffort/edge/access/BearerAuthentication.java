package org.besteffort.edge.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Turns {@code Authorization: Bearer <key>} into the caller it names, for this request only. A key nobody holds, or
 * another scheme, is answered 401 at once. No header: an anonymous caller, whom the rules then let in or not, except
 * in the local walkthrough, where a keyless request from this machine is {@code local@<address>} with every role.
 */
final class BearerAuthentication extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final BearerKeys keys;
    private final boolean openWalkthrough;
    private final HandlerExceptionResolver problems;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    BearerAuthentication(BearerKeys keys, boolean openWalkthrough, HandlerExceptionResolver problems) {
        this.keys = keys;
        this.openWalkthrough = openWalkthrough;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        Authentication caller;
        if (authorization == null) {
            caller = openWalkthrough && fromThisMachine(request)
                    ? BearerKeys.caller("local@" + request.getRemoteAddr(),
                    Roles.RECEIVER, Roles.OPERATOR, Roles.WALKTHROUGH)
                    : null;
        } else if (authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            caller = keys.recognise(authorization.substring(BEARER.length()).strip());
            if (caller == null) {
                problems.resolveException(request, response, null,
                        new NotAuthenticated("The bearer key is not one this service accepts."));
                return;
            }
        } else {
            problems.resolveException(request, response, null,
                    new NotAuthenticated("Only 'Authorization: Bearer <key>' is accepted."));
            return;
        }
        if (caller != null) {
            SecurityContext context = contexts.createEmptyContext();
            context.setAuthentication(caller);
            contexts.setContext(context);
        }
        chain.doFilter(request, response);
    }

    private static boolean fromThisMachine(HttpServletRequest request) {
        try {
            return InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}

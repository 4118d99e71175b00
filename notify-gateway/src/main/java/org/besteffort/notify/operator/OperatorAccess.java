package org.besteffort.notify.operator;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * Lets only operators into {@code /operator/**}: a bearer token that names one, or, where the local profile allows
 * it, a request from this machine. Receivers never get in.
 */
@Configuration
class OperatorAccess implements WebMvcConfigurer, HandlerInterceptor {

    /** Request attribute holding the operator's name, for the action log. */
    static final String OPERATOR = "org.besteffort.notify.operator.name";

    private final OperatorProperties properties;

    OperatorAccess(OperatorProperties properties) {
        this.properties = properties;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/operator/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String operator = operatorOf(request);
        if (operator == null) {
            throw new OperatorNotRecognised();
        }
        request.setAttribute(OPERATOR, operator);
        return true;
    }

    private String operatorOf(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.startsWith("Bearer ")) {
            byte[] presented = authorization.substring("Bearer ".length()).strip().getBytes(StandardCharsets.UTF_8);
            for (Map.Entry<String, String> operator : properties.tokens().entrySet()) {
                if (MessageDigest.isEqual(presented, operator.getValue().getBytes(StandardCharsets.UTF_8))) {
                    return operator.getKey();
                }
            }
            return null;
        }
        if (properties.openOnLoopback() && fromLoopback(request)) {
            return "local@" + request.getRemoteAddr();
        }
        return null;
    }

    private static boolean fromLoopback(HttpServletRequest request) {
        try {
            return InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}

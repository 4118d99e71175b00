package org.besteffort.pay.ops;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * While the switch is on, {@code /payresult/**} answers 503, as a notifier under maintenance would. Local profile only.
 */
@Configuration
@Profile("local")
class PayresultOutage implements WebMvcConfigurer {

    private final NotifierFaults faults;

    PayresultOutage(NotifierFaults faults) {
        this.faults = faults;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                    throws Exception {
                if (!faults.payresultUnavailable()) {
                    return true;
                }
                response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
                response.setContentType("application/problem+json");
                response.getWriter().write("{\"title\":\"Service Unavailable\",\"status\":503,"
                        + "\"detail\":\"/payresult is switched off by a fault switch\"}");
                return false;
            }
        }).addPathPatterns("/payresult/**");
    }
}

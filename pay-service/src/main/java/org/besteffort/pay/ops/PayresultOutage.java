package org.besteffort.pay.ops;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.besteffort.common.journal.Journal;
import org.besteffort.common.journal.JournalStep;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.Map;

/**
 * While the switch is on, {@code /payresult/**} answers 503, as a notifier under maintenance would. Local profile only.
 */
@Configuration
@Profile("local")
class PayresultOutage implements WebMvcConfigurer {

    private final NotifierFaults faults;
    private final Journal journal;

    PayresultOutage(NotifierFaults faults, Journal journal) {
        this.faults = faults;
        this.journal = journal;
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
                journal.append(txNoOf(request), JournalStep.QUERIED, "UNAVAILABLE", "answered 503 (fault switch)");
                return false;
            }
        }).addPathPatterns("/payresult/**");
    }

    /** The {@code txNo} of {@code /payresult/{txNo}}, matched before any interceptor runs. */
    @SuppressWarnings("unchecked")
    private static String txNoOf(HttpServletRequest request) {
        var variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return variables == null ? null : variables.get("txNo");
    }
}

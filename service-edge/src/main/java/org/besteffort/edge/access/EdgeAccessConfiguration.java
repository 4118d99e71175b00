package org.besteffort.edge.access;

import jakarta.servlet.DispatcherType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderNotFoundException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * The one security filter chain of a service: stateless, bearer keys only, answers as ProblemDetails. In order:
 * error and async dispatches pass (their request was let in already); health, the OpenAPI documents and Swagger UI
 * are public; then the service's own {@link AccessRules}; then Actuator and {@code /ops/**} for operators; anything
 * else is refused, so that a new endpoint nobody classified is closed rather than open.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(AccessProperties.class)
@EnableWebSecurity
public class EdgeAccessConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EdgeAccessConfiguration.class);

    @Bean
    SecurityFilterChain edgeAccess(HttpSecurity http, AccessProperties properties,
                                   ObjectProvider<AccessRules> serviceRules,
                                   @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems)
            throws Exception {
        if (properties.openWalkthrough()) {
            log.warn("Local walkthrough open (edge.access.open-walkthrough, the local profile): a request from this"
                    + " machine without a key has every role and sees every receiver's pays. Outside the local profile"
                    + " /paydo, /payresult and /statements need a receiver's key, and /ops, Actuator and the operator"
                    + " API an operator's token.");
        }
        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new BearerAuthentication(new BearerKeys(properties), properties.openWalkthrough(),
                        problems), AnonymousAuthenticationFilter.class)
                .exceptionHandling(refusals -> refusals
                        .authenticationEntryPoint((request, response, e) -> problems.resolveException(request,
                                response, null, new NotAuthenticated(request.getRequestURI() + " needs a key.")))
                        .accessDeniedHandler((request, response, e) -> problems.resolveException(request, response,
                                null, new NotAllowed(request.getUserPrincipal() == null ? "this caller"
                                        : request.getUserPrincipal().getName(), request.getRequestURI()))))
                .authorizeHttpRequests(paths -> {
                    paths.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll();
                    paths.requestMatchers("/actuator/health", "/actuator/health/**", "/v3/api-docs",
                            "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error").permitAll();
                    serviceRules.ifAvailable(rules -> rules.declare(paths));
                    paths.requestMatchers("/actuator/**", "/ops/**").hasRole(Roles.OPERATOR);
                    paths.anyRequest().denyAll();
                });
        return http.build();
    }

    /** Keys are the only credential: no user names, no passwords, and no generated password in the log. */
    @Bean
    AuthenticationManager noPasswordLogins() {
        return authentication -> {
            throw new ProviderNotFoundException("this service takes bearer keys only");
        };
    }

    @Bean
    AccessProblems accessProblems() {
        return new AccessProblems();
    }

}

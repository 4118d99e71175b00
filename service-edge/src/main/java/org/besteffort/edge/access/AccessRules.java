package org.besteffort.edge.access;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's own paths and who may call them, declared as one bean. They are matched after the common public paths
 * and before the common operator paths ({@link EdgeAccessConfiguration}); a path nobody declares is refused.
 */
@FunctionalInterface
public interface AccessRules {

    void declare(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry paths);
}

package org.besteffort.edge.access;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/**
 * The keys a service accepts.
 *
 * @param receivers       API keys by receiver id ({@code EDGE_ACCESS_RECEIVERS_<ID>}); none by default
 * @param operators       bearer tokens by operator name ({@code EDGE_ACCESS_OPERATORS_<NAME>}); none by default
 * @param openWalkthrough let a keyless request from this machine in with every role (the local profile only)
 */
@ConfigurationProperties("edge.access")
public record AccessProperties(Map<String, String> receivers, Map<String, String> operators,
                               boolean openWalkthrough) {

    public AccessProperties {
        receivers = receivers == null ? Map.of() : Map.copyOf(receivers);
        operators = operators == null ? Map.of() : Map.copyOf(operators);
    }
}

package org.besteffort.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.FileSystemResource;

/**
 * The properties one service declares in {@code src/main/resources/application.yml}, loaded by Spring Boot's own YAML
 * loader, and which of them an environment variable sets, decided by Spring Boot's own relaxed binding.
 *
 * @param module     the Maven module, e.g. {@code pay-service}
 * @param properties every declared property by its flattened name ({@code spring.datasource.url}), as text
 */
record ServiceConfiguration(String module, Map<String, String> properties) {

    /**
     * Standard Spring Boot properties a deployment may set although application.yml does not name them. Anything else
     * set by the environment must be declared in application.yml, so that a misspelt variable cannot be ignored.
     */
    static final List<String> STANDARD_PROPERTIES = List.of(
            "spring.profiles.active",
            "server.shutdown",
            "spring.lifecycle.timeout-per-shutdown-phase",
            "logging.level.root");

    /** Read by the JVM, not by Spring. */
    static final List<String> JVM_VARIABLES = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "TZ");

    static ServiceConfiguration load(Path repositoryRoot, String module) {
        Path file = repositoryRoot.resolve(module).resolve("src/main/resources/application.yml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " does not exist");
        }
        Map<String, String> properties = new LinkedHashMap<>();
        try {
            // One property source per YAML document; application.yml has no profile-specific documents.
            for (PropertySource<?> document : new YamlPropertySourceLoader().load(file.toString(),
                    new FileSystemResource(file))) {
                EnumerablePropertySource<?> source = (EnumerablePropertySource<?>) document;
                for (String name : source.getPropertyNames()) {
                    properties.putIfAbsent(name, String.valueOf(source.getProperty(name)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ServiceConfiguration(module, properties);
    }

    /** The declared or standard property this environment variable sets, if any. */
    Optional<String> propertySetBy(String variable, String value) {
        // Spring Boot names the environment source this way; its relaxed mapping applies only to such a source.
        ConfigurationPropertySource environment = ConfigurationPropertySource.from(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(variable, value)));
        return Stream.concat(properties.keySet().stream(), STANDARD_PROPERTIES.stream())
                .filter(ConfigurationPropertyName::isValid)
                .filter(name -> environment.getConfigurationProperty(ConfigurationPropertyName.of(name)) != null)
                .findFirst();
    }

    /** The value a property has with this environment: the variable that sets it, else application.yml's value. */
    Optional<String> effective(Map<String, String> environment, String property) {
        ConfigurationPropertySource source = ConfigurationPropertySource.from(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.copyOf(environment)));
        ConfigurationProperty fromEnvironment = source.getConfigurationProperty(ConfigurationPropertyName.of(property));
        if (fromEnvironment != null) {
            return Optional.of(String.valueOf(fromEnvironment.getValue()));
        }
        return Optional.ofNullable(properties.get(property));
    }

    /** The port the service listens on with this environment. */
    int serverPort(Map<String, String> environment) {
        return Integer.parseInt(effective(environment, "server.port")
                .orElseThrow(() -> new IllegalStateException(module + " declares no server.port")));
    }
}

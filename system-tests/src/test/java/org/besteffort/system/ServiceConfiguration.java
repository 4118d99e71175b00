package org.besteffort.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.BindResult;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.classreading.SimpleMetadataReaderFactory;

/**
 * The properties one service declares in {@code src/main/resources/application.yml}, loaded by Spring Boot's own YAML
 * loader, and which of them an environment variable sets, decided by Spring Boot's own relaxed binding.
 *
 * @param module     the Maven module, e.g. {@code pay-service}
 * @param properties every declared property by its flattened name ({@code spring.datasource.url}), as text
 * @param classes    the module's compiled classes, where its {@code @ConfigurationProperties} records are, and those
 *                   of the shared modules it takes settings from (service-edge's {@code edge.access})
 */
record ServiceConfiguration(String module, Map<String, String> properties, List<Path> classes) {

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
        List<Path> classes = new ArrayList<>(List.of(repositoryRoot.resolve(module).resolve("target/classes")));
        if (properties.keySet().stream().anyMatch(name -> name.startsWith("edge."))) {
            classes.add(repositoryRoot.resolve("service-edge/target/classes"));
        }
        return new ServiceConfiguration(module, properties, List.copyOf(classes));
    }

    /**
     * The declared or standard property this environment variable sets, if any; else the property of one of the
     * module's {@code @ConfigurationProperties} records it binds to: a map key or list element that application.yml
     * does not name ({@code GATEWAY_OPERATOR_TOKENS_ALICE}).
     */
    Optional<String> propertySetBy(String variable, String value) {
        ConfigurationPropertySource environment = environmentSource(Map.of(variable, value));
        return Stream.concat(properties.keySet().stream(), STANDARD_PROPERTIES.stream())
                .filter(ConfigurationPropertyName::isValid)
                .filter(name -> environment.getConfigurationProperty(ConfigurationPropertyName.of(name)) != null)
                .findFirst()
                .or(() -> propertyBoundFrom(environment));
    }

    /**
     * The first property that Spring Boot's own Binder takes from this source when it binds the module's
     * {@code @ConfigurationProperties} records as the service does: the source over application.yml.
     */
    private Optional<String> propertyBoundFrom(ConfigurationPropertySource variable) {
        Binder binder = new Binder(variable, yamlSource());
        List<String> bound = new ArrayList<>();
        BindHandler fromVariable = new BindHandler() {
            @Override
            public Object onSuccess(ConfigurationPropertyName name, Bindable<?> target, BindContext context,
                                    Object result) {
                ConfigurationProperty property = context.getConfigurationProperty();
                if (property != null && property.getSource() == variable) {
                    bound.add(name.toString());
                }
                return result;
            }
        };
        try (URLClassLoader loader = new URLClassLoader(classesUrls(),
                ServiceConfiguration.class.getClassLoader())) {
            for (Map.Entry<Class<?>, String> type : configurationPropertiesTypes(loader).entrySet()) {
                try {
                    binder.bind(type.getValue(), Bindable.of(type.getKey()), fromVariable);
                } catch (BindException e) {
                    // Found, but the value does not convert (it may be a ${…} Compose interpolates): still set.
                    if (e.getProperty() != null && e.getProperty().getSource() == variable) {
                        return Optional.of(e.getName().toString());
                    }
                    throw e;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bound.stream().findFirst();
    }

    /** Each class of the module annotated {@code @ConfigurationProperties}, with its prefix; no other is loaded. */
    private Map<Class<?>, String> configurationPropertiesTypes(ClassLoader loader) throws IOException {
        MetadataReaderFactory readers = new SimpleMetadataReaderFactory(loader);
        Map<Class<?>, String> types = new LinkedHashMap<>();
        for (Path directory : classes) {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.filter(path -> path.toString().endsWith(".class")).toList()) {
                    AnnotationMetadata metadata = readers.getMetadataReader(new FileSystemResource(file))
                            .getAnnotationMetadata();
                    MergedAnnotation<ConfigurationProperties> annotation = metadata.getAnnotations()
                            .get(ConfigurationProperties.class);
                    if (annotation.isPresent()) {
                        types.put(Class.forName(metadata.getClassName(), false, loader),
                                annotation.getString("prefix"));
                    }
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return types;
    }

    private URL[] classesUrls() {
        URL[] urls = new URL[classes.size()];
        for (int i = 0; i < urls.length; i++) {
            Path directory = classes.get(i);
            if (!Files.isDirectory(directory)) {
                throw new IllegalStateException(directory + " does not exist: compile first (./mvnw package)");
            }
            try {
                urls[i] = directory.toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }
        return urls;
    }

    /** The value a property has with this environment: the variable that sets it, else application.yml's value. */
    Optional<String> effective(Map<String, String> environment, String property) {
        ConfigurationPropertySource source = environmentSource(environment);
        ConfigurationProperty fromEnvironment = source.getConfigurationProperty(ConfigurationPropertyName.of(property));
        if (fromEnvironment != null) {
            return Optional.of(String.valueOf(fromEnvironment.getValue()));
        }
        return Optional.ofNullable(properties.get(property));
    }

    /**
     * A property bound to {@code target} as the service binds it: the environment over application.yml, lists and maps
     * taken whole from the first source that has them.
     */
    <T> Optional<T> bind(Map<String, String> environment, String property, Bindable<T> target) {
        BindResult<T> result = new Binder(environmentSource(environment), yamlSource()).bind(property, target);
        return result.isBound() ? Optional.of(result.get()) : Optional.empty();
    }

    /** The port the service listens on with this environment. */
    int serverPort(Map<String, String> environment) {
        return Integer.parseInt(effective(environment, "server.port")
                .orElseThrow(() -> new IllegalStateException(module + " declares no server.port")));
    }

    private static ConfigurationPropertySource environmentSource(Map<String, String> environment) {
        // Spring Boot names the environment source this way; its relaxed mapping applies only to such a source.
        return ConfigurationPropertySource.from(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.copyOf(environment)));
    }

    private ConfigurationPropertySource yamlSource() {
        return new MapConfigurationPropertySource(properties);
    }
}

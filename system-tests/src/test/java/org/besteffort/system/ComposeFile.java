package org.besteffort.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml read as YAML (anchors and merge keys resolved, as Compose resolves them), with the repository
 * it lives in. The maps are live: a test may change them to see a check fail.
 */
record ComposeFile(Path repositoryRoot, Map<String, Object> yaml) {

    static final String FILE_NAME = "docker-compose.yml";

    static ComposeFile load(Path repositoryRoot) {
        try {
            return parse(repositoryRoot, Files.readString(repositoryRoot.resolve(FILE_NAME), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ComposeFile parse(Path repositoryRoot, String text) {
        Map<String, Object> yaml = new Yaml().load(text);
        return new ComposeFile(repositoryRoot, yaml);
    }

    /** The services, in file order; {@code x-} extension blocks are not services. */
    Map<String, ComposeService> services() {
        Map<String, ComposeService> services = new LinkedHashMap<>();
        map(yaml.get("services")).forEach((name, definition) -> services.put(name,
                new ComposeService(name, map(definition))));
        return services;
    }

    Optional<ComposeService> service(String name) {
        return Optional.ofNullable(services().get(name));
    }

    /** The services whose image is one of this repository's Dockerfiles: the three services and the console. */
    List<ComposeService> builtHere() {
        return services().values().stream().filter(service -> service.dockerfile().isPresent()).toList();
    }

    /** The services that run {@code image}, whatever its tag. */
    List<ComposeService> running(String image) {
        return services().values().stream()
                .filter(service -> service.image().map(name -> name.startsWith(image + ":")).orElse(false))
                .toList();
    }

    Path resolve(String relativePath) {
        return repositoryRoot.resolve(relativePath).normalize();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : new LinkedHashMap<>();
    }

    static List<Object> list(Object value) {
        return value instanceof List<?> list ? new ArrayList<>(list) : new ArrayList<>();
    }

    /** One service of the file. */
    record ComposeService(String name, Map<String, Object> definition) {

        Optional<String> image() {
            return Optional.ofNullable(definition.get("image")).map(String::valueOf);
        }

        /** {@code KEY: value} or {@code - KEY=value}; values as written, {@code ${…}} not interpolated. */
        Map<String, String> environment() {
            Map<String, String> environment = new LinkedHashMap<>();
            Object value = definition.get("environment");
            if (value instanceof Map<?, ?> entries) {
                entries.forEach((key, entry) -> environment.put(String.valueOf(key),
                        entry == null ? "" : String.valueOf(entry)));
            } else {
                for (Object entry : list(value)) {
                    String[] parts = String.valueOf(entry).split("=", 2);
                    environment.put(parts[0], parts.length > 1 ? parts[1] : "");
                }
            }
            return environment;
        }

        List<PortMapping> ports() {
            return list(definition.get("ports")).stream().map(PortMapping::of).toList();
        }

        /** Each service this one waits for, with the condition it waits for ({@code service_started} if none). */
        Map<String, String> dependsOn() {
            Map<String, String> dependsOn = new LinkedHashMap<>();
            Object value = definition.get("depends_on");
            if (value instanceof Map<?, ?> entries) {
                entries.forEach((target, options) -> dependsOn.put(String.valueOf(target),
                        String.valueOf(map(options).getOrDefault("condition", "service_started"))));
            } else {
                list(value).forEach(target -> dependsOn.put(String.valueOf(target), "service_started"));
            }
            return dependsOn;
        }

        /** Whether a health check is defined and not switched off. */
        boolean hasHealthcheck() {
            Map<String, Object> healthcheck = map(definition.get("healthcheck"));
            return healthcheck.get("test") != null && !Boolean.TRUE.equals(healthcheck.get("disable"))
                    && !healthcheckCommand().equals("NONE");
        }

        /** The health check's command as one string, without {@code CMD}/{@code CMD-SHELL}. */
        String healthcheckCommand() {
            return command(map(definition.get("healthcheck")).get("test"));
        }

        String command() {
            return command(definition.get("command"));
        }

        String restart() {
            return String.valueOf(definition.getOrDefault("restart", "no"));
        }

        List<Mount> volumes() {
            return list(definition.get("volumes")).stream().map(Mount::of).toList();
        }

        /** The Dockerfile the image is built from, relative to the repository root, if it is built here. */
        Optional<String> dockerfile() {
            Object build = definition.get("build");
            if (build == null) {
                return Optional.empty();
            }
            Map<String, Object> options = build instanceof String context ? Map.of("context", context) : map(build);
            String context = String.valueOf(options.getOrDefault("context", "."));
            String dockerfile = String.valueOf(options.getOrDefault("dockerfile", "Dockerfile"));
            return Optional.of(Path.of(context).resolve(dockerfile).normalize().toString());
        }

        /** The Maven module whose jar the image runs: the first directory of its Dockerfile's path. */
        Optional<String> module() {
            return dockerfile().filter(path -> path.contains("/")).map(path -> path.substring(0, path.indexOf('/')));
        }

        private static String command(Object value) {
            if (value instanceof List<?> parts) {
                List<String> words = parts.stream().map(String::valueOf).toList();
                if (!words.isEmpty() && (words.get(0).equals("CMD") || words.get(0).equals("CMD-SHELL"))) {
                    words = words.subList(1, words.size());
                }
                return String.join(" ", words);
            }
            return value == null ? "" : String.valueOf(value);
        }
    }

    /**
     * One entry of {@code ports}: short ({@code "8081:8081"}, {@code "127.0.0.1:8081:8081/tcp"}, {@code "8081"}) or long
     * syntax ({@code target}, {@code published}).
     *
     * @param published the host port, or null when only the container port is given
     */
    record PortMapping(Integer published, int target) {

        static PortMapping of(Object entry) {
            if (entry instanceof Map<?, ?> longSyntax) {
                Object published = longSyntax.get("published");
                return new PortMapping(published == null ? null : Integer.valueOf(String.valueOf(published)),
                        Integer.parseInt(String.valueOf(longSyntax.get("target"))));
            }
            String[] parts = String.valueOf(entry).replaceFirst("/(tcp|udp)$", "").split(":");
            int target = Integer.parseInt(parts[parts.length - 1]);
            Integer published = parts.length > 1 ? Integer.valueOf(parts[parts.length - 2]) : null;
            return new PortMapping(published, target);
        }
    }

    /** One entry of {@code volumes}: {@code source:target[:ro]}; a source without a path is a named volume. */
    record Mount(String source, String target, boolean readOnly) {

        static Mount of(Object entry) {
            if (entry instanceof Map<?, ?> longSyntax) {
                return new Mount(String.valueOf(longSyntax.get("source")), String.valueOf(longSyntax.get("target")),
                        Boolean.TRUE.equals(longSyntax.get("read_only")));
            }
            String[] parts = String.valueOf(entry).split(":");
            return new Mount(parts[0], parts.length > 1 ? parts[1] : parts[0],
                    parts.length > 2 && parts[2].contains("ro"));
        }

        /** A file or directory of the host (of this repository), not a named volume. */
        boolean isBind() {
            return source.startsWith(".") || source.startsWith("/");
        }
    }
}

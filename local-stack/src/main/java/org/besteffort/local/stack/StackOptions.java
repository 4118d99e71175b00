package org.besteffort.local.stack;

import java.nio.file.Path;

/**
 * The launcher's command line, as the {@code local} Maven profile passes it.
 *
 * @param repository the repository root: holds {@code sql/}, the service jars and the {@code .local-stack/} state dir
 * @param reset      delete the database and the broker store before starting
 * @param services   start pay-service and account-service too; without them only the infrastructure runs
 * @param footprint  once up, send the walkthrough, print every process's resident memory and stop
 */
record StackOptions(Path repository, boolean reset, boolean services, boolean footprint) {

    static StackOptions parse(String... args) {
        Path repository = Path.of("").toAbsolutePath();
        boolean reset = false;
        boolean services = true;
        boolean footprint = false;
        for (String arg : args) {
            if (arg.startsWith("--repository=")) {
                repository = Path.of(value(arg)).toAbsolutePath().normalize();
            } else if (arg.equals("--reset") || arg.startsWith("--reset=")) {
                reset = flag(arg);
            } else if (arg.equals("--no-services")) {
                services = false;
            } else if (arg.startsWith("--services=")) {
                services = flag(arg);
            } else if (arg.equals("--footprint") || arg.startsWith("--footprint=")) {
                footprint = flag(arg);
            } else {
                throw new IllegalArgumentException("Unknown argument '" + arg
                        + "'; known: --repository=<dir> --reset[=true|false] --services=<true|false> --no-services");
            }
        }
        if (footprint && !services) {
            throw new IllegalArgumentException("--footprint measures the whole stack: it needs --services=true");
        }
        return new StackOptions(repository, reset, services, footprint);
    }

    private static String value(String arg) {
        return arg.substring(arg.indexOf('=') + 1);
    }

    private static boolean flag(String arg) {
        return !arg.contains("=") || Boolean.parseBoolean(value(arg));
    }
}

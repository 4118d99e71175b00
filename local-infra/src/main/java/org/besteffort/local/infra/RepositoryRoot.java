package org.besteffort.local.infra;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the root of this repository: the nearest directory, from a start directory upwards, with a {@code pom.xml} and
 * the {@code sql/} scripts.
 */
public final class RepositoryRoot {

    private RepositoryRoot() {
    }

    /** Searches from the working directory, which is the module's directory under Maven. */
    public static Path find() {
        return find(Path.of(System.getProperty("user.dir")));
    }

    public static Path find(Path start) {
        Path from = start.toAbsolutePath().normalize();
        for (Path dir = from; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("sql"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No directory with pom.xml and sql/ in " + from + " or above it");
    }
}

package org.besteffort.local.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Making room for what a stack writes, and throwing it away: data dirs, broker stores, unpacked binaries.
 */
public final class Directories {

    private Directories() {
    }

    /**
     * Deletes {@code dir} and everything below it; nothing happens if it does not exist.
     *
     * @throws UncheckedIOException if the tree cannot be walked
     */
    public static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + dir, e);
        }
    }

    /**
     * Creates {@code dir} and its parents if they do not exist.
     *
     * @throws UncheckedIOException if it cannot be created
     */
    public static void create(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir, e);
        }
    }
}

package org.besteffort.local.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Throwing away what a stack wrote: data dirs, broker stores, unpacked binaries.
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
}

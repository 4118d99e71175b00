package org.besteffort.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A Dockerfile as a list of instructions grouped into build stages; enough of the syntax for this project's files
 * (continuation lines, comments), not a full parser.
 *
 * @param stages the build stages in order; the last one is the image that runs
 */
record Dockerfile(List<Stage> stages) {

    static Dockerfile load(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Dockerfile parse(String text) {
        List<Stage> stages = new ArrayList<>();
        StringBuilder logical = new StringBuilder();
        for (String line : text.split("\\R")) {
            String trimmed = line.strip();
            if (logical.isEmpty() && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                logical.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            logical.append(trimmed);
            Instruction instruction = Instruction.of(logical.toString());
            logical.setLength(0);
            if (instruction.keyword().equals("FROM")) {
                stages.add(new Stage(instruction.arguments(), new ArrayList<>()));
            } else if (!stages.isEmpty()) {
                stages.get(stages.size() - 1).instructions().add(instruction);
            }
        }
        return new Dockerfile(stages);
    }

    Stage runtime() {
        if (stages.isEmpty()) {
            throw new IllegalStateException("A Dockerfile without FROM");
        }
        return stages.get(stages.size() - 1);
    }

    /**
     * One build stage.
     *
     * @param from what follows FROM, e.g. {@code eclipse-temurin:17-jre AS layers}
     */
    record Stage(String from, List<Instruction> instructions) {

        String image() {
            return from.split("\\s+")[0];
        }

        List<String> all(String keyword) {
            return instructions.stream().filter(instruction -> instruction.keyword().equals(keyword))
                    .map(Instruction::arguments).toList();
        }

        /** The last one counts, as in Docker. */
        Optional<String> last(String keyword) {
            List<String> all = all(keyword);
            return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
        }
    }

    /** One instruction: keyword in upper case, arguments as written. */
    record Instruction(String keyword, String arguments) {

        static Instruction of(String line) {
            String[] parts = line.split("\\s+", 2);
            return new Instruction(parts[0].toUpperCase(Locale.ROOT), parts.length > 1 ? parts[1].strip() : "");
        }
    }
}

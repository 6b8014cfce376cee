package dev.cutover.framework.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * DESIGN.md §11: a migration is a plug-in. {@code framework/} names neither a migration nor
 * {@code ops/}; {@code ops/} names no migration: a new migration never needs either to change.
 */
class LayeringTest {

    private static final Path MAIN = Path.of("src", "main", "java", "dev", "cutover");

    @Test
    void theFrameworkNamesNoMigrationAndNoOperationsCode() throws IOException {
        assertThat(filesNaming(MAIN.resolve("framework"), "dev.cutover.migrations", "dev.cutover.ops")).isEmpty();
    }

    @Test
    void operationsNameNoMigration() throws IOException {
        assertThat(filesNaming(MAIN.resolve("ops"), "dev.cutover.migrations")).isEmpty();
    }

    /** @return the Java files below {@code root} whose text names one of the packages (imports, links, code) */
    private static List<String> filesNaming(Path root, String... packages) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).filter(f -> {
                String text = read(f);
                return Stream.of(packages).anyMatch(text::contains);
            }).map(Path::toString).sorted().toList();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.cutover.ops.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.cutover.framework.migration.MigrationDescriptor;
import dev.cutover.framework.migration.Migrations;

import io.quarkus.runtime.util.ClassPathUtils;

/**
 * The migrations this build knows: a job XML in {@code jobs/} (packaged as
 * {@code META-INF/batch-jobs/<job id>.xml}, job id = file name) whose migration package declares a
 * {@link MigrationDescriptor}. The shared job shape ({@code cutover-migration.xml}) has none and is
 * not a migration.
 */
@ApplicationScoped
public class MigrationCatalog {

    private static final String JOBS = "META-INF/batch-jobs";

    @Inject
    Migrations migrations;

    private volatile SortedSet<String> names;

    public SortedSet<String> names() {
        if (names == null) {
            SortedSet<String> found = new TreeSet<>();
            try {
                ClassPathUtils.consumeAsPaths(Thread.currentThread().getContextClassLoader(), JOBS, dir -> {
                    try (Stream<java.nio.file.Path> files = Files.list(dir)) {
                        files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".xml"))
                                .forEach(f -> found.add(f.substring(0, f.length() - 4)));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + JOBS, e);
            }
            found.removeIf(job -> migrations.find(job).isEmpty());
            names = found;
        }
        return names;
    }

    /** @throws IllegalArgumentException naming the known migrations when {@code name} is not one */
    public String require(String name) {
        if (!names().contains(name)) {
            throw new IllegalArgumentException("unknown migration '" + name + "'; known: " + String.join(", ", names()));
        }
        return name;
    }
}

package dev.cutover.ops.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The check of a {@code <migration>} argument that needs no application: every migration is a job XML
 * of {@code jobs/}, packaged as {@code META-INF/batch-jobs/<migration>.xml}, so a name without one is
 * unknown before Quarkus and the database start. A name with a job XML is checked again once the
 * application knows the migrations' descriptors ({@code MigrationCatalog}).
 */
final class MigrationJob {

    private static final String JOBS = "META-INF/batch-jobs/";
    /** The job shape every migration inherits: a job XML, but not a migration. */
    private static final String SHAPE = "cutover-migration";

    private MigrationJob() {
    }

    /** @throws IllegalArgumentException naming the migrations of this build when no job has this name */
    static void require(String migration) {
        // JBeret's job ids are file names: anything else (a path, a space) cannot name one
        boolean wellFormed = migration.matches("[A-Za-z0-9][A-Za-z0-9._-]*");
        if (!wellFormed || SHAPE.equals(migration)
                || MigrationJob.class.getClassLoader().getResource(JOBS + migration + ".xml") == null) {
            List<String> known = packaged();
            throw new IllegalArgumentException("unknown migration '" + migration + "'"
                    + (known.isEmpty() ? "" : "; known: " + String.join(", ", known)));
        }
    }

    /** @return the job ids packaged with this class (a jar or, in a build, a folder), the shape left out */
    private static List<String> packaged() {
        TreeSet<String> names = new TreeSet<>();
        try {
            Path home = Path.of(MigrationJob.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(home)) {
                try (Stream<Path> files = Files.list(home.resolve(JOBS))) {
                    files.map(f -> f.getFileName().toString()).forEach(name -> add(names, name));
                }
            } else {
                try (JarFile jar = new JarFile(home.toFile())) {
                    jar.stream().map(e -> e.getName()).filter(n -> n.startsWith(JOBS))
                            .forEach(n -> add(names, n.substring(JOBS.length())));
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // only the message's list is lost: the answer is the same
            return Collections.emptyList();
        }
        return List.copyOf(names);
    }

    private static void add(TreeSet<String> names, String file) {
        if (file.endsWith(".xml") && !file.contains("/")) {
            String job = file.substring(0, file.length() - ".xml".length());
            if (!job.equals(SHAPE)) {
                names.add(job);
            }
        }
    }
}

package dev.cutover.ops.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.jberet.creation.ArchiveXmlLoader;
import org.jberet.job.model.Job;
import org.jberet.job.model.JobElement;
import org.jberet.job.model.Step;
import org.jberet.tools.MetaInfBatchJobsJobXmlResolver;

import io.quarkus.runtime.util.ClassPathUtils;

/**
 * The migrations this build knows: one per job XML in {@code jobs/}, packaged as
 * {@code META-INF/batch-jobs/<job id>.xml} (job id = file name).
 */
@ApplicationScoped
public class MigrationCatalog {

    private static final String JOBS = "META-INF/batch-jobs";

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
            names = found;
        }
        return names;
    }

    /**
     * @return the value of a property of a step's batchlet in the migration's job XML (for example
     *         the {@code planner} of the {@code plan} step), or {@code null}
     */
    public String batchletProperty(String migration, String step, String property) {
        Job job = ArchiveXmlLoader.loadJobXml(require(migration), Thread.currentThread().getContextClassLoader(),
                new ArrayList<>(), new MetaInfBatchJobsJobXmlResolver());
        for (JobElement element : job.getJobElements()) {
            if (element instanceof Step s && s.getId().equals(step) && s.getBatchlet() != null
                    && s.getBatchlet().getProperties() != null) {
                return s.getBatchlet().getProperties().get(property);
            }
        }
        return null;
    }

    /** @throws IllegalArgumentException naming the known migrations when {@code name} is not one */
    public String require(String name) {
        if (!names().contains(name)) {
            throw new IllegalArgumentException("unknown migration '" + name + "'; known: " + String.join(", ", names()));
        }
        return name;
    }
}

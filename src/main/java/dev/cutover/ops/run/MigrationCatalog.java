package dev.cutover.ops.run;

import java.util.SortedSet;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.jberet.job.model.Job;

/** The migrations this build knows: one per job XML in {@code jobs/} (job id = file name). */
@ApplicationScoped
public class MigrationCatalog {

    @Inject
    @Any
    Instance<Job> jobs;

    public SortedSet<String> names() {
        SortedSet<String> names = new TreeSet<>();
        jobs.forEach(job -> names.add(job.getId()));
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

package dev.cutover.framework.migration;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/** The {@link MigrationDescriptor}s of this build, found as CDI beans: how the framework and ops reach a migration. */
@ApplicationScoped
public class Migrations {

    @Inject
    @Any
    Instance<MigrationDescriptor<?, ?, ?>> descriptors;

    /** @return every migration, sorted by id */
    public List<MigrationDescriptor<?, ?, ?>> all() {
        return descriptors.stream().sorted(Comparator.comparing(MigrationDescriptor::id)).toList();
    }

    /**
     * @return the migration of a running job (its job id)
     * @throws IllegalStateException when no descriptor declares it: the job XML has no migration package
     */
    public MigrationDescriptor<?, ?, ?> require(String id) {
        return find(id).orElseThrow(() -> new IllegalStateException("no migration descriptor for job '" + id
                + "': a migration package declares one MigrationDescriptor bean with this id"));
    }

    /** @return the migration with this job id, if the build has one */
    public Optional<MigrationDescriptor<?, ?, ?>> find(String id) {
        return descriptors.stream().filter(d -> d.id().equals(id)).findFirst();
    }
}

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
    Instance<MigrationDescriptor> descriptors;

    /** @return every migration, sorted by id */
    public List<MigrationDescriptor> all() {
        return descriptors.stream().sorted(Comparator.comparing(MigrationDescriptor::id)).toList();
    }

    /** @return the migration with this job id, if the build has one */
    public Optional<MigrationDescriptor> find(String id) {
        return descriptors.stream().filter(d -> d.id().equals(id)).findFirst();
    }
}

package dev.cutover.framework.migration;

import java.util.Optional;

import dev.cutover.framework.normalize.RecordNormalizer;
import dev.cutover.framework.plan.TargetPlanner;
import dev.cutover.framework.stage.TargetValidator;

/**
 * One migration of this build, as the framework and {@code ops/} know it (DESIGN.md §11): its id, what
 * its target entities are called, and the optional parts it brings. A migration package declares one
 * as a CDI bean; nothing outside that package names the migration's classes, and the job XML names
 * none of its parts: the framework's step artifacts find them here by the job's name.
 * <p>
 * Contract: {@link #id()} is the job id, the file name of {@code jobs/<id>.xml}; the values never change
 * while the application runs, so a restarted execution sees the same descriptor as the first one.
 */
public interface MigrationDescriptor {

    /** @return the job id, e.g. {@code notification-rules-v2} */
    String id();

    /**
     * @return the plural noun naming the target entities: the report's {@code counts.<kind>} and the
     *         export's {@code "<kind>": [...]}, e.g. {@code policies}
     */
    String entityKind();

    /** @return how one legacy record is decided (the normalize step) */
    RecordNormalizer normalizer();

    /** @return how the migrated records become the planned target model (the plan step) */
    TargetPlanner planner();

    /** @return the structural checks of a staged model that only the migration understands (the validate step) */
    TargetValidator validator();

    /** @return what {@code cutover serve} runs for this migration, if it has a live behavior of its own */
    default Optional<LiveExecutor> liveExecutor() {
        return Optional.empty();
    }

    /** @return the built-in data set {@code --demo} reads, if the migration ships one */
    default Optional<DemoData> demoData() {
        return Optional.empty();
    }
}

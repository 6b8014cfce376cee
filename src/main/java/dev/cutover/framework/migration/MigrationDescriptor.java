package dev.cutover.framework.migration;

import java.util.Optional;
import java.util.Set;

import dev.cutover.framework.source.SourceProtocol;

/**
 * One migration of this build, as the framework and {@code ops/} know it (DESIGN.md §11): its id, what
 * its target entities are called, and its typed parts. A migration package declares one as a CDI bean
 * ({@code @ApplicationScoped}); nothing outside that package names the migration's classes, and the job
 * XML names none of its parts: the framework's step artifacts find them here by the job's name.
 * <p>
 * Contract: {@link #id()} is the job id, the file name of {@code jobs/<id>.xml}; the values never change
 * while the application runs, so a restarted execution sees the same descriptor as the first one, and
 * every part is pure (see each part's contract), so a restarted step recomputes what it lost.
 *
 * @param <L> the target leaf: what the normalizer makes of one legacy record (or one part of it)
 * @param <E> the target entity: what the planner makes of one group of leaves
 * @param <M> the executable model: what the behavior gate and the live executor run
 */
public interface MigrationDescriptor<L, E, M> extends ExecutableModel<L, E, M> {

    /** @return the job id, e.g. {@code notification-rules-v2} */
    @Override
    String id();

    /**
     * @return the plural noun naming the target entities: the report's {@code counts.<kind>} and the
     *         export's {@code "<kind>": [...]}, e.g. {@code policies}
     */
    String entityKind();

    /** @return how the legacy sources are read: pages, totals, watermarks and changes (the retrieve step, drift) */
    SourceProtocol sourceProtocol();


    /** @return how one legacy record is decided (the normalize step) */
    RecordNormalizer<L> normalizer();

    /** @return how migrated leaves group into target entities (the plan step) */
    TargetPlanner<L, E> planner();

    /** @return the checks of a staged entity that only the migration understands (the validate step) */
    default TargetValidator<E> validator() {
        return TargetValidator.none();
    }


    /**
     * @return every anomaly code this migration raises itself: its normalizer's record codes and the
     *         plan codes of its planner's {@link TargetPlanner#checkModel}, e.g. {@code INVALID_CRON}. The
     *         framework adds its own ({@link AnomalyCodes#FRAMEWORK}); {@code --accept} refuses any code
     *         outside both, naming them. The default declares none, so only the framework's codes can be
     *         accepted: a migration that raises codes of its own overrides it.
     */
    default Set<String> anomalyCodes() {
        return Set.of();
    }

    /** @return what {@code cutover serve} runs for this migration, if it has a live behavior of its own */
    default Optional<LiveExecutor> liveExecutor() {
        return Optional.empty();
    }

    /** @return the built-in data set {@code --demo} reads, if the migration ships one */
    default Optional<DemoData> demoData() {
        return Optional.empty();
    }

    /**
     * @return whether the configuration of releases before per-migration configuration,
     *         {@code cutover.sources.<name>.url}, also configures this migration's sources (after
     *         {@code cutover.migrations.<id>.sources.<name>.url}); false unless a migration predates it
     */
    default boolean readsSharedSources() {
        return false;
    }
}

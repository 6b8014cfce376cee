package dev.cutover.framework.plan;

import java.time.Instant;
import java.util.List;

import dev.cutover.framework.normalize.RecordOutcome;

/**
 * The migration-specific half of the plan step: turns the migrated records of a run into the planned
 * target model and checks that it behaves like the legacy records. Pure: the same outcomes and start
 * give the same plan, whatever their order, so a restarted plan step recomputes the same result.
 */
public interface TargetPlanner {

    /**
     * @param outcomes every record outcome of the run, in any order (only {@code MIGRATED} ones matter)
     * @param horizonStart start of the behavior horizon, truncated to the minute (UTC)
     * @return the plan; each entity of {@link TargetPlan#model()} is an object with a string {@code id}
     *         (derived from data only), a {@code members} array of the legacy records it comes from
     *         ({@code [source, id]}, or {@code [source, null, index]} for an item without a usable id)
     *         and its own fields
     */
    TargetPlan plan(List<RecordOutcome> outcomes, Instant horizonStart);
}

package dev.cutover.migrations.notifications.dispatch;

/**
 * The model a tick executes, as its snapshot showed it.
 *
 * @param generation 0 for legacy, else the executing generation
 * @param runId      legacy: the run whose retrieved records stand in for the legacy system ({@code null}
 *                   when no retrieval has completed yet: nothing is dispatched); a generation: the run
 *                   that staged its entities
 * @param schedules  how many distinct schedules (as spelled, with their zone) it holds: what a slot is matched against
 */
public record ExecutingDispatchModel(int generation, Long runId, long schedules) {

    /** The {@code dispatch_log.model} value of a legacy tick. */
    public static final String LEGACY = "legacy";
    /** The {@code dispatch_log.model} value of a tick of an activated generation. */
    public static final String GENERATION = "generation";

    public boolean isLegacy() {
        return generation == 0;
    }

    /** @return {@link #LEGACY} or {@link #GENERATION} */
    public String kind() {
        return isLegacy() ? LEGACY : GENERATION;
    }

    @Override
    public String toString() {
        return (isLegacy() ? "legacy (run " + runId + ")" : "generation " + generation + " (run " + runId + ")")
                + ": " + schedules + " schedules";
    }
}

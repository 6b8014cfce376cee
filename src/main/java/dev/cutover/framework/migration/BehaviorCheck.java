package dev.cutover.framework.migration;

/**
 * The outcome of the behavioral-equivalence gate (DESIGN.md §6 {@code behavior}): what the legacy
 * model and the planned model do over the migration's window, counted on each side; {@code equal} is
 * true only when they do exactly the same (not merely as much).
 *
 * @param horizonHours     the window in hours for a time-based behavior; 0 when the behavior is not
 *                         one over time (then the counts are of decisions over the whole population)
 * @param legacyDispatches what the legacy model does, counted (dispatch tuples, decisions...)
 * @param newDispatches    what the planned model does, counted the same way
 * @param equal            whether both do exactly the same
 */
public record BehaviorCheck(int horizonHours, long legacyDispatches, long newDispatches, boolean equal) {

    /**
     * @return the check of two disjoint shares of a population together (see {@link BehaviorModel#partition}):
     *         counts added, equal when both are
     * @throws IllegalArgumentException when the two were made over different windows
     */
    public BehaviorCheck plus(BehaviorCheck other) {
        if (other.horizonHours != horizonHours) {
            throw new IllegalArgumentException("behavior checks over " + horizonHours + " h and " + other.horizonHours
                    + " h cannot be added");
        }
        return new BehaviorCheck(horizonHours, legacyDispatches + other.legacyDispatches,
                newDispatches + other.newDispatches, equal && other.equal);
    }
}

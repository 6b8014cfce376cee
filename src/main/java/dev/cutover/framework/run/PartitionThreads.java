package dev.cutover.framework.run;

/**
 * The thread count of a partitioned step: the step's {@code threads} property (a system property named in
 * the job XML, for measurement) when given, else one per available processor.
 */
public final class PartitionThreads {

    private PartitionThreads() {
    }

    /**
     * @param given      the property's value, {@code null} or blank when not given
     * @param processors the processors available
     * @param property   the system property's name, for the failure
     * @return {@code given} as a number, or {@code processors} when none is given
     * @throws IllegalArgumentException naming the property and the value when it is not a positive whole number
     */
    public static int of(String given, int processors, String property) {
        if (given == null || given.isBlank()) {
            return processors;
        }
        try {
            int threads = Integer.parseInt(given.trim());
            if (threads > 0) {
                return threads;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(property + " must be a positive whole number, got '" + given + "'");
    }
}

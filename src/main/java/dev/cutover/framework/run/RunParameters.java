package dev.cutover.framework.run;

import java.util.Properties;

/**
 * The job parameters of a migration run, as stored by JBeret with the job instance and reused as
 * they are by a restart. JBeret limits them to 3,000 characters in total, so they hold only short
 * values: {@value #MODE}, {@value #SETTINGS} (the id of the run's settings in
 * {@link RunSettingsStore}) and {@value #LEASE_TOKEN}.
 */
public final class RunParameters {

    public static final String MODE = "mode";
    /** The id of the run's row in {@link RunSettingsStore}; also the job-level property of that name. */
    public static final String SETTINGS = "settings";
    /** The fencing token of the lease acquired for the execution (a restart gets a new one). */
    public static final String LEASE_TOKEN = "leaseToken";

    public static final String DRY_RUN = "dry-run";
    public static final String APPLY = "apply";

    private RunParameters() {
    }

    public static String mode(Properties parameters) {
        return parameters == null ? DRY_RUN : parameters.getProperty(MODE, DRY_RUN);
    }
}

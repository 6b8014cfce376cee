package dev.cutover.support;

import java.util.ArrayList;
import java.util.List;

import dev.cutover.framework.activate.GenerationSwitch;
import dev.cutover.migrations.notifications.demo.DemoRules;
import dev.cutover.migrations.notifications.demo.DemoSources;

/** Command lines for the reference migration against sources a test controls. */
public final class Apply {

    /** Every record anomaly code the demo data holds, so that an apply of it may go ahead. */
    public static final String ACCEPT_DEMO_ANOMALIES = String.join(",", DemoRules.ANOMALY_CODES);

    private Apply() {
    }

    /**
     * Rolls the reference migration back until legacy executes, so that a test's apply has
     * something to activate whatever earlier tests of the run activated.
     */
    public static void startFromLegacy(GenerationSwitch generations) {
        while (!generations.current("notification-rules-v2").isLegacy()) {
            Cli.Result r = Cli.run("rollback", "notification-rules-v2");
            if (r.exitCode() != 0) {
                throw new IllegalStateException("cannot roll back to legacy: " + r);
            }
        }
    }

    public static String[] args(String command, DemoSources sources, String... extra) {
        List<String> args = new ArrayList<>(List.of(command, "notification-rules-v2"));
        for (String source : sources.sourceArguments()) {
            args.add("--source");
            args.add(source);
        }
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    /** {@code apply notification-rules-v2 --source ... --accept <demo codes> extra...} */
    public static String[] accepting(DemoSources sources, String... extra) {
        List<String> args = new ArrayList<>(List.of(args("apply", sources, "--accept", ACCEPT_DEMO_ANOMALIES)));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }
}

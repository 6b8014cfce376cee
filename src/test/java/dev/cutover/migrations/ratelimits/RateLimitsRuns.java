package dev.cutover.migrations.ratelimits;

import java.util.ArrayList;
import java.util.List;

import dev.cutover.framework.activate.GenerationSwitch;
import dev.cutover.migrations.ratelimits.demo.DemoKeys;
import dev.cutover.migrations.ratelimits.demo.DemoRegions;
import dev.cutover.support.Cli;

/** Command lines of {@code rate-limits-v2} against regions a test controls, through the shared {@link Cli} helper. */
public final class RateLimitsRuns {

    public static final String MIGRATION = "rate-limits-v2";
    /** Every code the demo raises, so that an apply of it may go ahead. */
    public static final String ACCEPT_DEMO = String.join(",", DemoKeys.ANOMALY_CODES);

    private RateLimitsRuns() {
    }

    /** Rolls {@code rate-limits-v2} back until legacy executes, so that an apply has something to activate. */
    public static void startFromLegacy(GenerationSwitch generations) {
        while (!generations.current(MIGRATION).isLegacy()) {
            Cli.Result r = Cli.run("rollback", MIGRATION);
            if (r.exitCode() != 0) {
                throw new IllegalStateException("cannot roll " + MIGRATION + " back to legacy: " + r);
            }
        }
    }

    public static String[] args(String command, DemoRegions regions, String... extra) {
        List<String> args = new ArrayList<>(List.of(command, MIGRATION));
        for (String source : regions.sourceArguments()) {
            args.add("--source");
            args.add(source);
        }
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    /** {@code apply rate-limits-v2 --source ... --accept <demo codes>} */
    public static Cli.Result apply(DemoRegions regions) {
        return Cli.run(args("apply", regions, "--accept", ACCEPT_DEMO));
    }
}

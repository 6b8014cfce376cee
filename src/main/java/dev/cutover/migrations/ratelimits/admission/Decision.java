package dev.cutover.migrations.ratelimits.admission;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One admission decision: the limit a request class gets from the model executing in one snapshot.
 *
 * @param region        the region asked about
 * @param service       the service asked about
 * @param route         the route asked about ({@code *}: a route without an override)
 * @param tier          the tier asked about, lower-cased
 * @param generation    the generation whose model decided; 0 for legacy
 * @param runId         the run whose records (legacy) or entities (a generation) the model was built
 *                      from; {@code null} for legacy before any plan
 * @param unlimited     whether no setting applies (then {@code ratePerSecond} and {@code burst} are null)
 * @param ratePerSecond the exact rate, {@code 100} or {@code 5/3}
 * @param burst         the bucket size
 */
@RegisterForReflection
public record Decision(String region, String service, String route, String tier, int generation, Long runId,
        boolean unlimited, String ratePerSecond, Long burst) {

    @Override
    public String toString() {
        String limit = unlimited ? "unlimited" : ratePerSecond + "/s burst " + burst;
        return region + " " + service + " " + route + " " + tier + ": " + limit + " (generation " + generation + ")";
    }
}

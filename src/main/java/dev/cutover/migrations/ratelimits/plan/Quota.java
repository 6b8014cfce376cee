package dev.cutover.migrations.ratelimits.plan;

import dev.cutover.migrations.ratelimits.normalize.QuotaLeaf;

import java.util.List;

import dev.cutover.migrations.ratelimits.normalize.Rate;
import dev.cutover.migrations.ratelimits.normalize.RateLimit;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One quota of the new model (entity kind {@code quotas}): the limit of one (service, route, tier)
 * setting, with the regions that enforce it. Equivalent legacy spellings, and the same setting in
 * several regions, are one quota. Stored, exported and read back by
 * {@link dev.cutover.framework.migration.JsonCodec#of}, fields in this order.
 *
 * @param service       {@code [a-z0-9-]+}
 * @param route         the route pattern, or {@link #ANY} for the service default
 * @param tier          a known tier, or {@link #ANY} for every tier
 * @param ratePerSecond exact, spelled {@code 100} or {@code 5/3}
 * @param burst         positive
 * @param regions       sorted, distinct, at least one
 */
@RegisterForReflection
public record Quota(String service, String route, String tier, String ratePerSecond, long burst, List<String> regions) {

    /** The route or tier of a setting that does not restrict it (defined with the leaves). */
    public static final String ANY = QuotaLeaf.ANY;

    public Quota {
        regions = List.copyOf(regions);
    }

    public RateLimit limit() {
        return new RateLimit(Rate.parse(ratePerSecond), burst);
    }

    /** @return e.g. {@code orders /orders/{id} premium}, how details name the setting */
    public String setting() {
        return service + " " + route + " " + tier;
    }
}

package dev.cutover.migrations.ratelimits.normalize;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What one migrated key becomes: the limit of one (service, route, tier) setting of its region (the
 * region is the record's source). Stored between normalize and plan by
 * {@link dev.cutover.framework.migration.JsonCodec#of}, so every field is required.
 *
 * @param service       {@code [a-z0-9-]+}
 * @param route         the decoded route pattern, or {@link QuotaLeaf#ANY} for the service default
 * @param tier          a known tier, or {@link QuotaLeaf#ANY} for all tiers
 * @param ratePerSecond the exact rate, as {@link Rate#toString()} spells it
 * @param burst         positive
 */
@RegisterForReflection
public record QuotaLeaf(String service, String route, String tier, String ratePerSecond, long burst) {

    /** The route or tier of a setting that does not restrict it: the service default, or all tiers. */
    public static final String ANY = "*";

    public static QuotaLeaf of(KvKey.Setting setting, RateLimit limit) {
        return new QuotaLeaf(setting.service(), setting.route(), setting.tier(), limit.ratePerSecond().toString(),
                limit.burst());
    }

    public RateLimit limit() {
        return new RateLimit(Rate.parse(ratePerSecond), burst);
    }
}

package dev.cutover.migrations.ratelimits.plan;

import java.util.function.Consumer;

import dev.cutover.framework.migration.Entity;
import dev.cutover.framework.migration.TargetValidator;
import dev.cutover.framework.toolkit.CodePoints;
import dev.cutover.migrations.ratelimits.normalize.KvKey;
import dev.cutover.migrations.ratelimits.normalize.Rate;

/**
 * The structural checks of a staged quota that only this migration understands: a positive exact
 * rate, a positive burst, a known tier, and at least one region, sorted and distinct (a quota that no
 * region enforces would silently limit nothing). Pure.
 */
public final class QuotaValidator implements TargetValidator<Quota> {

    @Override
    public void check(Entity<Quota> entity, Consumer<String> problems) {
        Quota quota = entity.body();
        try {
            if (Rate.parse(quota.ratePerSecond()).signum() <= 0) {
                problems.accept("rate " + quota.ratePerSecond() + " is not positive");
            }
        } catch (IllegalArgumentException e) {
            problems.accept(e.getMessage());
        }
        if (quota.burst() <= 0) {
            problems.accept("burst " + quota.burst() + " is not positive");
        }
        if (!quota.tier().equals(Quota.ANY) && !KvKey.TIERS.contains(quota.tier())) {
            problems.accept("tier '" + quota.tier() + "' is unknown");
        }
        if (quota.regions().isEmpty()) {
            problems.accept("no region enforces it");
        }
        for (int i = 1; i < quota.regions().size(); i++) {
            if (CodePoints.compare(quota.regions().get(i - 1), quota.regions().get(i)) >= 0) {
                problems.accept("regions " + quota.regions() + " are not sorted and distinct");
                break;
            }
        }
    }
}

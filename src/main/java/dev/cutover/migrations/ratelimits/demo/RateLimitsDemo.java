package dev.cutover.migrations.ratelimits.demo;

import dev.cutover.framework.migration.DemoData;

/** {@code --demo} for rate limits: the {@link DemoRegions} serving the generated {@link DemoKeys}. */
public final class RateLimitsDemo implements DemoData {

    @Override
    public Running start() {
        return DemoRegions.start();
    }
}

package dev.cutover.migrations.ratelimits.behavior;

/**
 * One class of requests the gateway limits alike: a consumer of one tier calling one route of one
 * service in one region. The route {@link dev.cutover.migrations.ratelimits.plan.Quota#ANY} stands for
 * any route the service has no override for.
 */
public record RequestClass(String region, String service, String route, String tier) {

    @Override
    public String toString() {
        return region + " " + service + " " + route + " " + tier;
    }
}

package dev.cutover.migrations.ratelimits.behavior;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.cutover.framework.toolkit.CodePoints;
import dev.cutover.migrations.ratelimits.normalize.RateLimit;
import dev.cutover.migrations.ratelimits.plan.Quota;

/**
 * What a rate-limit model does: for every request class, the limit the gateway enforces under the
 * legacy precedence, tier override on the route, then route override, then service default, then
 * none (unlimited). Built alike from legacy keys and from quotas, so the behavior gate and the
 * admission checker share one definition.
 * <p>
 * A setting may hold more than one limit (two spellings of one key in one region that disagree, or a
 * planned model with a {@code REGION_CONFLICT}): {@link #effective} returns them all, so equality sees
 * the ambiguity, and {@link #limit} resolves it to the strictest. Lookups are three hash probes.
 * Immutable and thread-safe once built.
 */
public final class EffectiveLimits {

    private static final EffectiveLimits EMPTY = new Builder().build();

    private final Map<RequestClass, NavigableSet<RateLimit>> settings;
    private final Map<String, Set<String>> routesByService;
    private final Set<String> regions;

    private EffectiveLimits(Builder builder) {
        settings = Map.copyOf(builder.settings);
        Map<String, Set<String>> routes = new TreeMap<>(CodePoints.ORDER);
        builder.routesByService.forEach((service, r) -> routes.put(service, Collections.unmodifiableSet(r)));
        routesByService = Collections.unmodifiableMap(routes);
        regions = Collections.unmodifiableSet(builder.regions);
    }

    public static EffectiveLimits empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * @return the limits of the most specific setting that applies to the class, strictest first;
     *         empty when none applies (unlimited)
     */
    public SortedSet<RateLimit> effective(RequestClass request) {
        String region = request.region();
        String service = request.service();
        NavigableSet<RateLimit> found = null;
        if (!request.route().equals(Quota.ANY)) {
            found = settings.get(new RequestClass(region, service, request.route(), request.tier()));
            if (found == null) {
                found = settings.get(new RequestClass(region, service, request.route(), Quota.ANY));
            }
        }
        if (found == null) {
            found = settings.get(new RequestClass(region, service, Quota.ANY, Quota.ANY));
        }
        return found == null ? Collections.emptySortedSet() : Collections.unmodifiableSortedSet(found);
    }

    /** @return the limit the gateway enforces, the strictest when the setting is ambiguous; {@code null} when unlimited */
    public RateLimit limit(RequestClass request) {
        SortedSet<RateLimit> limits = effective(request);
        return limits.isEmpty() ? null : limits.first();
    }

    /** @return the regions any setting mentions, sorted */
    public Set<String> regions() {
        return regions;
    }

    /** @return the routes any setting of each service mentions (not {@link Quota#ANY}), by service, sorted */
    public Map<String, Set<String>> routesByService() {
        return routesByService;
    }

    /** @return how many (region, service, route, tier) settings it holds */
    public int size() {
        return settings.size();
    }

    @Override
    public String toString() {
        return settings.size() + " settings in regions " + regions;
    }

    /** Collects settings; not thread-safe. */
    public static final class Builder {
        private final Map<RequestClass, NavigableSet<RateLimit>> settings = new HashMap<>();
        private final Map<String, Set<String>> routesByService = new HashMap<>();
        private final Set<String> regions = new TreeSet<>(CodePoints.ORDER);

        private Builder() {
        }

        /** @param route a route or {@link Quota#ANY}; @param tier a tier or {@link Quota#ANY} */
        public Builder add(String region, String service, String route, String tier, RateLimit limit) {
            settings.computeIfAbsent(new RequestClass(region, service, route, tier), k -> new TreeSet<>()).add(limit);
            Set<String> routes = routesByService.computeIfAbsent(service, s -> new TreeSet<>(CodePoints.ORDER));
            if (!route.equals(Quota.ANY)) {
                routes.add(route);
            }
            regions.add(region);
            return this;
        }

        public EffectiveLimits build() {
            return new EffectiveLimits(this);
        }
    }
}

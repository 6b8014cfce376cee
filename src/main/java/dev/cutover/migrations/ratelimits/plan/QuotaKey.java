package dev.cutover.migrations.ratelimits.plan;

import java.util.Comparator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.cutover.framework.toolkit.CodePoints;
import dev.cutover.migrations.ratelimits.normalize.QuotaLeaf;
import dev.cutover.migrations.ratelimits.normalize.Rate;

/**
 * The group key of a quota: {@code {"service","route","tier","ratePerSecond","burst"}}. The rate is
 * the reduced fraction's text and the region is not part of it, so equivalent spellings and the same
 * setting in several regions are one key. {@link #ORDER} sorts service, route and tier in code-point
 * order, then rate and burst by value, so the export reads naturally.
 */
public final class QuotaKey {

    public static final Comparator<JsonNode> ORDER = Comparator
            .comparing((JsonNode key) -> key.get("service").textValue(), CodePoints.ORDER)
            .thenComparing(key -> key.get("route").textValue(), CodePoints.ORDER)
            .thenComparing(key -> key.get("tier").textValue(), CodePoints.ORDER)
            .thenComparing(key -> Rate.parse(key.get("ratePerSecond").textValue()))
            .thenComparingLong(key -> key.get("burst").longValue());

    private QuotaKey() {
    }

    public static ObjectNode of(QuotaLeaf leaf) {
        return of(leaf.service(), leaf.route(), leaf.tier(), leaf.ratePerSecond(), leaf.burst());
    }

    public static ObjectNode of(String service, String route, String tier, String ratePerSecond, long burst) {
        return JsonNodeFactory.instance.objectNode().put("service", service).put("route", route).put("tier", tier)
                .put("ratePerSecond", ratePerSecond).put("burst", burst);
    }
}

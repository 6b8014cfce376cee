package dev.cutover.migrations.ratelimits.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.cutover.framework.toolkit.SortKey;
import dev.cutover.migrations.ratelimits.normalize.QuotaLeaf;
import dev.cutover.migrations.ratelimits.normalize.Rate;

/**
 * The group key of a quota: {@code {"service","route","tier","ratePerSecond","burst"}}. The rate is
 * the reduced fraction's text and the region is not part of it, so equivalent spellings and the same
 * setting in several regions are one key. {@link #order} sorts service, route and tier in code-point
 * order, then rate and burst by value, so the export reads naturally.
 */
public final class QuotaKey {

    /** @return where the key goes in the model: service, route, tier (code points), then rate and burst by value */
    public static SortKey order(JsonNode key) {
        Rate rate = Rate.parse(key.get("ratePerSecond").textValue());
        return SortKey.of().text(key.get("service").textValue()).text(key.get("route").textValue())
                .text(key.get("tier").textValue()).fraction(rate.numerator(), rate.denominator())
                .number(key.get("burst").longValue());
    }

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

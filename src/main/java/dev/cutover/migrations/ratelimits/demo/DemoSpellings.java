package dev.cutover.migrations.ratelimits.demo;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Every legacy spelling of one rate (per minute) and burst that the demo writes: all of them mean the
 * same limit, so the planner must collapse them into one quota.
 */
final class DemoSpellings {

    private DemoSpellings() {
    }

    /** @param burst {@code null} for none (then the burst is the rate per second rounded up) */
    static List<JsonNode> of(long perMinute, Integer burst) {
        List<String> strings = new ArrayList<>();
        List<ObjectNode> objects = new ArrayList<>();
        if (perMinute % 60 == 0) {
            long perSecond = perMinute / 60;
            strings.addAll(List.of(perSecond + "/s", perSecond + " per second", perSecond + "/SEC", " " + perSecond + " Per Second "));
            objects.add(object(perSecond, "1s"));
        }
        strings.addAll(List.of(perMinute + "/m", perMinute + "/min", perMinute + " per minute", perMinute + " / MIN"));
        objects.add(object(perMinute, "1m"));
        objects.add(object(perMinute, "60s"));
        long perHour = perMinute * 60;
        strings.addAll(List.of(perHour + "/h", perHour + " per hour", perHour + "/hr"));
        objects.add(object(perHour, "1h"));
        List<JsonNode> all = new ArrayList<>();
        strings.forEach(s -> all.add(TextNode.valueOf(burst == null ? s : s.stripTrailing() + " burst " + burst)));
        objects.forEach(o -> all.add(burst == null ? o : o.put("burst", burst)));
        return all;
    }

    private static ObjectNode object(long rate, String per) {
        return JsonNodeFactory.instance.objectNode().put("rate", rate).put("per", per);
    }
}

package dev.cutover.guide.featureflags;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import dev.cutover.framework.migration.Entity;
import dev.cutover.framework.migration.Migrated;
import dev.cutover.framework.migration.TargetPlanner;
import dev.cutover.framework.toolkit.CodePoints;
import dev.cutover.framework.toolkit.SortKey;

/**
 * Plans one flag per (app, flag): the environments where its leaves say on, and those where they say
 * off. Entity ids derive from the key alone (the default {@link #entityId}); the model is ordered by app,
 * then flag, in code-point order. Records of one (app, env) in two sources that disagree about a flag
 * put that env in both lists: {@link #checkModel} reports it as {@value #CONFLICTING_STATE}. Pure.
 */
public final class FlagPlanner implements TargetPlanner<FlagLeaf, FlagBody> {

    /** Plan anomaly: one flag is both on and off in one environment. */
    public static final String CONFLICTING_STATE = "CONFLICTING_STATE";

    @Override
    public JsonNode groupKey(FlagLeaf leaf) {
        return JsonNodeFactory.instance.objectNode().put("app", leaf.app()).put("flag", leaf.flag());
    }

    @Override
    public FlagBody entity(JsonNode key, List<Migrated<FlagLeaf>> leaves) {
        TreeSet<String> on = new TreeSet<>(CodePoints.ORDER);
        TreeSet<String> off = new TreeSet<>(CodePoints.ORDER);
        leaves.forEach(m -> (m.leaf().enabled() ? on : off).add(m.leaf().env()));
        return new FlagBody(key.get("app").textValue(), key.get("flag").textValue(), List.copyOf(on), List.copyOf(off));
    }

    @Override
    public SortKey keyOrder(JsonNode key) {
        return SortKey.of().text(key.get("app").textValue()).text(key.get("flag").textValue());
    }

    @Override
    public void checkModel(Stream<Entity<FlagBody>> entities, BiConsumer<String, String> anomalies) {
        entities.forEach(entity -> {
            List<String> both = new ArrayList<>(entity.body().on());
            both.retainAll(entity.body().off());
            if (!both.isEmpty()) {
                anomalies.accept(CONFLICTING_STATE, entity.body().app() + "/" + entity.body().flag()
                        + " is both on and off in " + String.join(", ", both));
            }
        });
    }
}

package dev.cutover.guide.featureflags;

import java.time.Instant;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import dev.cutover.framework.migration.BehaviorCheck;
import dev.cutover.framework.migration.BehaviorModel;
import dev.cutover.framework.migration.Entity;
import dev.cutover.framework.migration.Migrated;

/**
 * What a flag model does: the {@link FlagTable} of its answers. The plan's gate compares the table of
 * the migrated legacy records with that of the planned flags over the whole population (every
 * (app, env, flag) either side knows); the live evaluator answers from the table of the executing model.
 * Not a behavior over time: the check's horizon is 0.
 */
public final class FlagBehavior implements BehaviorModel<FlagLeaf, FlagBody, FlagTable> {

    @Override
    public FlagTable legacy(Stream<Migrated<FlagLeaf>> records) {
        FlagTable.Builder table = FlagTable.builder();
        records.forEach(m -> table.add(m.leaf().app(), m.leaf().env(), m.leaf().flag(), m.leaf().enabled()));
        return table.build();
    }

    @Override
    public FlagTable target(Stream<Entity<FlagBody>> entities) {
        FlagTable.Builder table = FlagTable.builder();
        entities.forEach(entity -> {
            FlagBody flag = entity.body();
            flag.on().forEach(env -> table.add(flag.app(), env, flag.flag(), true));
            flag.off().forEach(env -> table.add(flag.app(), env, flag.flag(), false));
        });
        return table.build();
    }

    @Override
    public FlagTable empty() {
        return FlagTable.EMPTY;
    }

    /** The app: a state names its app, and the model's order (app first) keeps an app's flags together. */
    @Override
    public String partition(JsonNode groupKey) {
        return groupKey.get("app").textValue();
    }

    @Override
    public BehaviorCheck compare(FlagTable legacy, FlagTable planned, Instant horizonStart) {
        return new BehaviorCheck(0, legacy.decisions(), planned.decisions(), legacy.equals(planned));
    }

    @Override
    public String describeChange(BehaviorCheck check) {
        return "the legacy records decide " + check.legacyDispatches() + " (app, env, flag) states and the planned flags "
                + check.newDispatches() + ", not the same answers";
    }
}

package dev.cutover.migrations.notifications.dispatch;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cutover.framework.activate.ExecutingEntity;
import dev.cutover.framework.activate.ExecutingModel;
import dev.cutover.framework.activate.ExecutingModelReader;
import dev.cutover.framework.activate.MigratedRecord;
import dev.cutover.migrations.notifications.PolicyLeaf;
import dev.cutover.migrations.notifications.PolicyLeafJson;

/**
 * Reads the executing model of a migration as a {@link DispatchModel}, through the caller's connection
 * and the framework's {@link ExecutingModelReader}, so that the pointer and the model come from the
 * caller's one snapshot. What is specific to notifications is only the mapping:
 *
 * <ul>
 * <li>Legacy (generation 0): the migrated records of the {@link ExecutingModelReader#latestPlannedRun
 * latest planned run} stand in for the legacy system; each leaf of a record's target executes its
 * schedule as the legacy rule spelled it. No planned run yet: nothing is dispatched.</li>
 * <li>Generation N: its entities, each a policy.</li>
 * </ul>
 *
 * <p>Both are immutable once visible (a run's outcomes are written before its plan report, staged
 * entities before their activation, and neither is rewritten), so models are cached by run and a
 * tick that finds its model cached reads only the pointer and the latest planned run id. The cache
 * lives in memory: a restarted process reloads on its first tick.
 */
@ApplicationScoped
public class DispatchModelReader {

    // legacy and one or two generations are all a switching migration alternates between
    private static final int CACHED_MODELS = 4;

    @Inject
    ObjectMapper json;

    @Inject
    ExecutingModelReader models;

    private final Map<CacheKey, DispatchModel> cache = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<CacheKey, DispatchModel> eldest) {
            return size() > CACHED_MODELS;
        }
    };

    /**
     * @throws IllegalStateException when the executing generation was never recorded, or an entry of the
     *                               model cannot be executed (it names the entry)
     */
    public ExecutingDispatchModel read(Connection connection, String migration) throws SQLException {
        ExecutingModel executing = models.current(connection, migration);
        if (executing.isLegacy()) {
            OptionalLong legacyRun = models.latestPlannedRun(connection, migration);
            return legacyRun.isEmpty() ? new ExecutingDispatchModel(0, null, DispatchModel.empty())
                    : new ExecutingDispatchModel(0, legacyRun.getAsLong(), legacy(connection, legacyRun.getAsLong()));
        }
        return new ExecutingDispatchModel(executing.generation(), executing.runId(), staged(connection, executing));
    }

    private DispatchModel legacy(Connection connection, long runId) throws SQLException {
        CacheKey key = new CacheKey(true, runId);
        DispatchModel cached = cached(key);
        if (cached != null) {
            return cached;
        }
        DispatchModel.Builder builder = DispatchModel.builder();
        models.forEachMigratedRecord(connection, runId, migrated -> {
            String record = "legacy record " + migrated.name() + " of run " + runId;
            for (PolicyLeaf leaf : leaves(migrated, record)) {
                builder.add(leaf.tenant(), leaf.channel(), leaf.priority(), leaf.legacySchedule(),
                        leaf.timezone(), leaf.recipients(), () -> record);
            }
        });
        return remember(key, builder.build());
    }

    private DispatchModel staged(Connection connection, ExecutingModel executing) throws SQLException {
        CacheKey key = new CacheKey(false, executing.runId());
        DispatchModel cached = cached(key);
        if (cached != null) {
            return cached;
        }
        DispatchModel.Builder builder = DispatchModel.builder();
        models.forEachEntity(connection, executing, entity -> addPolicy(builder, entity, executing.runId()));
        return remember(key, builder.build());
    }

    private void addPolicy(DispatchModel.Builder builder, ExecutingEntity entity, long runId) {
        String name = "target entity " + entity.id() + " of run " + runId;
        JsonNode body = parse(entity.body(), name);
        List<String> recipients = new ArrayList<>();
        body.path("recipients").forEach(r -> recipients.add(r.textValue()));
        if (recipients.isEmpty() || recipients.contains(null) || !body.path("priority").isInt()) {
            throw new IllegalStateException(name + " is not a policy: " + body);
        }
        builder.add(body.path("tenant").textValue(), body.path("channel").textValue(), body.get("priority").intValue(),
                body.path("schedule").textValue(), body.path("timezone").textValue(), recipients, () -> name);
    }

    private List<PolicyLeaf> leaves(MigratedRecord migrated, String record) {
        try {
            return PolicyLeafJson.fromJson(parse(migrated.target(), record));
        } catch (RuntimeException e) {
            throw new IllegalStateException(record + ": its target is not an array of policy leaves: " + e, e);
        }
    }

    private JsonNode parse(String text, String owner) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(owner + " is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private synchronized DispatchModel cached(CacheKey key) {
        return cache.get(key);
    }

    private synchronized DispatchModel remember(CacheKey key, DispatchModel model) {
        cache.put(key, model);
        return model;
    }

    private record CacheKey(boolean legacy, long runId) {
    }
}

package dev.cutover.migrations.notifications.dispatch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cutover.migrations.notifications.PolicyLeaf;
import dev.cutover.migrations.notifications.PolicyLeafJson;

/**
 * Reads which model of a migration executes, and that model, through the caller's connection, so that
 * the pointer and the model come from the caller's one snapshot.
 *
 * <ul>
 * <li>No {@code executing_model} row, or generation 0: legacy. The legacy system is stood in for by
 * the {@code MIGRATED} record outcomes of the latest run of the migration that has a plan report (the
 * last completed retrieval); each leaf executes its schedule as the legacy rule spelled it.</li>
 * <li>Generation N: the {@code target_entity} rows of the run {@code model_generation} names.</li>
 * </ul>
 *
 * <p>Both are immutable once visible (a run's outcomes are written before its plan report, staged
 * entities before their activation, and neither is rewritten), so models are cached by run and a
 * tick that finds its model cached reads only the pointer row and the latest planned run id. The
 * cache lives in memory: a restarted process reloads on its first tick.
 */
@ApplicationScoped
public class DispatchModelReader {

    // legacy and one or two generations are all a switching migration alternates between
    private static final int CACHED_MODELS = 4;

    @Inject
    ObjectMapper json;

    private final Map<CacheKey, DispatchModel> cache = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<CacheKey, DispatchModel> eldest) {
            return size() > CACHED_MODELS;
        }
    };

    /**
     * @throws IllegalStateException when the executing generation has no {@code model_generation} row,
     *                               or an entry of the model cannot be executed (it names the entry)
     */
    public ExecutingDispatchModel read(Connection connection, String migration) throws SQLException {
        int generation = 0;
        Long stagedRun = null;
        try (PreparedStatement ps = connection.prepareStatement("""
                select e.generation, g.run_id from executing_model e
                left join model_generation g on g.migration = e.migration and g.generation = e.generation
                where e.migration = ?""")) {
            ps.setString(1, migration);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    generation = rs.getInt(1);
                    stagedRun = (Long) rs.getObject(2);
                }
            }
        }
        if (generation == 0) {
            Long legacyRun = latestPlannedRun(connection, migration);
            return new ExecutingDispatchModel(0, legacyRun,
                    legacyRun == null ? DispatchModel.empty() : legacy(connection, legacyRun));
        }
        if (stagedRun == null) {
            throw new IllegalStateException(migration + " executes generation " + generation + ", which is not recorded");
        }
        return new ExecutingDispatchModel(generation, stagedRun, staged(connection, stagedRun));
    }

    /** @return the latest run of the migration with a plan report: its retrieval completed */
    private static Long latestPlannedRun(Connection connection, String migration) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("select max(run_id) from plan_report where migration = ?")) {
            ps.setString(1, migration);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return (Long) rs.getObject(1);
            }
        }
    }

    private DispatchModel legacy(Connection connection, long runId) throws SQLException {
        CacheKey key = new CacheKey(true, runId);
        DispatchModel cached = cached(key);
        if (cached != null) {
            return cached;
        }
        DispatchModel.Builder builder = DispatchModel.builder();
        try (PreparedStatement ps = connection.prepareStatement("""
                select source, coalesce(rec_id, '#' || idx), target from record_outcome
                where run_id = ? and kind = 'MIGRATED' order by source, record_key""")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String record = "legacy record " + rs.getString(1) + "/" + rs.getString(2) + " of run " + runId;
                    for (PolicyLeaf leaf : leaves(rs.getString(3), record)) {
                        builder.add(leaf.tenant(), leaf.channel(), leaf.priority(), leaf.legacySchedule(),
                                leaf.timezone(), leaf.recipients(), () -> record);
                    }
                }
            }
        }
        return remember(key, builder.build());
    }

    private DispatchModel staged(Connection connection, long runId) throws SQLException {
        CacheKey key = new CacheKey(false, runId);
        DispatchModel cached = cached(key);
        if (cached != null) {
            return cached;
        }
        DispatchModel.Builder builder = DispatchModel.builder();
        try (PreparedStatement ps = connection.prepareStatement(
                "select entity_id, body from target_entity where run_id = ? order by ordinal")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String entity = "target entity " + rs.getString(1) + " of run " + runId;
                    JsonNode body = parse(rs.getString(2), entity);
                    List<String> recipients = new ArrayList<>();
                    body.path("recipients").forEach(r -> recipients.add(r.textValue()));
                    if (recipients.isEmpty() || recipients.contains(null) || !body.path("priority").isInt()) {
                        throw new IllegalStateException(entity + " is not a policy: " + body);
                    }
                    builder.add(body.path("tenant").textValue(), body.path("channel").textValue(),
                            body.get("priority").intValue(), body.path("schedule").textValue(),
                            body.path("timezone").textValue(), recipients, () -> entity);
                }
            }
        }
        return remember(key, builder.build());
    }

    private List<PolicyLeaf> leaves(String target, String record) {
        try {
            return PolicyLeafJson.fromJson(parse(target, record));
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

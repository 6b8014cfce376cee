package dev.cutover.framework.plan;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.cutover.framework.model.ExecutingModel;
import dev.cutover.framework.run.Sql;

/**
 * What applying a run's plan would change in the model that executes now: entities added (planned,
 * not executing), removed (executing, not planned) and changed (same id, another body), compared by
 * entity id and body in the database (a full join of {@code planned_entity} with the executing
 * generation's {@code target_entity}), so neither model is ever held in memory. While legacy executes
 * every planned entity is added.
 */
@ApplicationScoped
public class ModelChanges {

    /** How an entity differs between the executing generation and the plan. */
    public enum Change {
        ADDED, REMOVED, CHANGED
    }

    @Inject
    DataSource dataSource;

    /** An entity that differs: its body executing now ({@code null} when added) and planned ({@code null} when removed). */
    public record Difference(String id, Change change, String executingBody, String plannedBody) {
    }

    /** How many entities differ, by change, and how many the two models share unchanged. */
    public record Counts(long added, long removed, long changed, long unchanged) {

        public long total() {
            return added + removed + changed;
        }
    }

    private static final String DIFFERENCES = """
            select coalesce(p.entity_id, t.entity_id) as id,
                   case when t.entity_id is null then 'ADDED' when p.entity_id is null then 'REMOVED' else 'CHANGED' end as change,
                   t.body as executing_body, p.body as planned_body
            from (select entity_id, body from planned_entity where run_id = ?) p
            full join (select entity_id, body from target_entity where run_id = ?) t on t.entity_id = p.entity_id
            where p.entity_id is null or t.entity_id is null or p.body <> t.body""";

    /** @param executing the model executing now ({@link dev.cutover.framework.model.ExecutingModelReader#current}) */
    public Counts counts(long runId, ExecutingModel executing) {
        return Sql.query(dataSource, """
                select count(*) filter (where t.entity_id is null), count(*) filter (where p.entity_id is null),
                       count(*) filter (where p.body <> t.body), count(*) filter (where p.body = t.body)
                from (select entity_id, body from planned_entity where run_id = ?) p
                full join (select entity_id, body from target_entity where run_id = ?) t on t.entity_id = p.entity_id""",
                rs -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)), runId, executingRun(executing))
                .get(0);
    }

    /**
     * @param change only this change, or {@code null} for all
     * @param page   1-based
     * @return the differing entities in entity id order
     */
    public ResultPage<Difference> page(long runId, ExecutingModel executing, Change change, Counts counts, int page, int size) {
        List<Object> parameters = new ArrayList<>(List.of(runId, executingRun(executing)));
        String sql = "select * from (" + DIFFERENCES + ") d";
        if (change != null) {
            sql += " where change = ?";
            parameters.add(change.name());
        }
        parameters.add(size);
        parameters.add(ResultPage.offset(page, size));
        List<Difference> rows = Sql.query(dataSource, sql + " order by id limit ? offset ?",
                rs -> new Difference(rs.getString(1), Change.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4)),
                parameters.toArray());
        long total = change == null ? counts.total() : switch (change) {
            case ADDED -> counts.added();
            case REMOVED -> counts.removed();
            case CHANGED -> counts.changed();
        };
        return new ResultPage<>(rows, total, page, size);
    }

    // run ids are positive: legacy compares with a run that has no entity
    private static long executingRun(ExecutingModel executing) {
        return executing.isLegacy() ? -1 : executing.runId();
    }
}

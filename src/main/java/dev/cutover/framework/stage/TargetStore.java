package dev.cutover.framework.stage;

import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.cutover.framework.run.Sql;

/**
 * Target entities staged by a run and their lineage (the planned members of the staged entities: the
 * view {@code target_lineage}). Staged entities are inert: only a generation that points at the run makes
 * them execute. Writes join the caller's (chunk) transaction and ignore rows already there, so a repeated
 * or restarted stage creates nothing twice.
 */
@ApplicationScoped
public class TargetStore {

    private static final int ID_FETCH = 1000;

    /**
     * The tables the validate step joins, filled by the run moments before (the lineage is
     * {@code planned_member} joined to {@code target_entity}: the view {@code target_lineage}).
     */
    static final List<String> VALIDATED_TABLES = List.of("record_outcome", "target_entity", "planned_member");

    @Inject
    DataSource dataSource;

    /**
     * Copies the planned entities of ordinals {@code from} (inclusive) to {@code to} (exclusive) into the
     * run's staged model, in the caller's (chunk) transaction: one statement, whatever the range holds. An
     * entity already staged is left as it is, so a replayed chunk, or a range overlapping one staged
     * before, adds nothing twice. A staged entity's lineage is its planned members ({@code planned_member},
     * which the plan step wrote): the view {@code target_lineage} (V25) joins them to the staged entities,
     * so an entity and its lineage are staged together, in this statement, or not at all.
     */
    public void stage(long runId, int from, int to) {
        Sql.update(dataSource, """
                insert into target_entity (run_id, entity_id, ordinal, body)
                select run_id, entity_id, ordinal, body from planned_entity
                where run_id = ? and ordinal >= ? and ordinal < ?
                on conflict do nothing""", runId, from, to);
    }

    /**
     * @return where staging the planned ordinals {@code from} (inclusive) to {@code to} (exclusive) resumes:
     *         after the staged ones when they are {@code from} and those right after it (a range's chunks
     *         commit in order), else {@code from} (staged in ranges cut otherwise: copying again adds
     *         nothing twice). Scans the run's staged entities once (on restart; none at a first start)
     */
    public int resumeAt(long runId, int from, int to) {
        return Sql.query(dataSource, """
                select count(*), max(ordinal) from target_entity where run_id = ? and ordinal >= ? and ordinal < ?""",
                rs -> {
                    long staged = rs.getLong(1);
                    int last = rs.getInt(2);
                    return staged > 0 && last - from + 1 == staged ? last + 1 : from;
                }, runId, from, to).get(0);
    }

    /**
     * Streams the ids and bodies of the run's staged entities, in model order, {@value #ID_FETCH} rows
     * per round trip on a read-only transaction of its own, so a large model is never loaded whole.
     */
    public void forEachBody(long runId, java.util.function.BiConsumer<String, String> action) {
        try {
            Sql.forEachRow(dataSource, "select entity_id, body from target_entity where run_id = ? order by ordinal", ID_FETCH,
                    rs -> action.accept(rs.getString(1), rs.getString(2)), runId);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the staged entities of run " + runId, e);
        }
    }

    public long entityCount(long runId) {
        return Sql.query(dataSource, "select count(*) from target_entity where run_id = ?", rs -> rs.getLong(1), runId).get(0);
    }

    /*
     * The three queries below find their orphans in a materialized CTE, then sort only those. Written as
     * one query with "order by ... limit 20", PostgreSQL expects a few orphans (about 0.5% of the rows) and
     * so the first 20 soon: for the lineage it sorted every lineage row of the run (1.13M at 1M notification
     * rules, spilled to disk) to probe the outcomes in that order, one index lookup per row, and found none:
     * 4.1 to 5.4 s, against 1.0 to 1.4 s for one hash anti-join; the entities' probe took 1.45 s against
     * 0.67 s. The records' query chose the hash anti-join there already; it is written the same way so that
     * no data makes it probe row by row.
     */
    static final String MIGRATED_WITHOUT_ENTITY = """
            with orphan as materialized (
              select o.source, o.record_key, o.rec_id, o.idx from record_outcome o
              where o.run_id = ? and o.kind = 'MIGRATED' and not exists (
                select 1 from target_lineage l where l.run_id = o.run_id and l.source = o.source and l.record_key = o.record_key))
            select source || '/' || coalesce(rec_id, '#' || idx) from orphan order by source, record_key limit 20""";

    /** The run's staged entities without planned members (the view would join each entity to itself). */
    static final String ENTITIES_WITHOUT_LINEAGE = """
            with orphan as materialized (
              select e.entity_id from target_entity e where e.run_id = ? and not exists (
                select 1 from planned_member m where m.run_id = e.run_id and m.entity_id = e.entity_id))
            select entity_id from orphan order by entity_id limit 20""";

    static final String LINEAGE_WITHOUT_MIGRATED_RECORD = """
            with orphan as materialized (
              select l.source, l.record_key, l.entity_id from target_lineage l
              where l.run_id = ? and not exists (select 1 from record_outcome o where o.run_id = l.run_id
                and o.source = l.source and o.record_key = l.record_key and o.kind = 'MIGRATED'))
            select source || ' ' || record_key || ' -> ' || entity_id from orphan order by 1 limit 20""";

    /**
     * Brings the planner's statistics of the tables a run has just filled up to date, before the
     * validation queries join them. The run wrote its outcomes, entities and lineage moments ago, so
     * the statistics describe the tables without them: PostgreSQL then expects one row for the run and
     * joins by a nested loop that scans the run's rows once per row (measured: 100k entities did not
     * finish in 50 s; 0.9 s once analyzed). ANALYZE samples a bounded number of rows, whatever the
     * table's size, and is harmless to repeat on restart.
     */
    public void refreshStatistics() {
        Sql.update(dataSource, "analyze " + String.join(", ", VALIDATED_TABLES));
    }

    /** @return migrated records of the run without a lineage row to an existing staged entity (at most 20) */
    public List<String> migratedWithoutEntity(long runId) {
        return Sql.query(dataSource, MIGRATED_WITHOUT_ENTITY, rs -> rs.getString(1), runId);
    }

    /** @return staged entities that no lineage row reaches (at most 20) */
    public List<String> entitiesWithoutLineage(long runId) {
        return Sql.query(dataSource, ENTITIES_WITHOUT_LINEAGE, rs -> rs.getString(1), runId);
    }

    /** @return lineage rows that point at no migrated record of the run (at most 20) */
    public List<String> lineageWithoutMigratedRecord(long runId) {
        return Sql.query(dataSource, LINEAGE_WITHOUT_MIGRATED_RECORD, rs -> rs.getString(1), runId);
    }

    /** @return distinct migrated records reached by lineage */
    public long recordsWithLineage(long runId) {
        return Sql.query(dataSource, "select count(*) from (select distinct source, record_key from target_lineage where run_id = ?) r",
                rs -> rs.getLong(1), runId).get(0);
    }
}

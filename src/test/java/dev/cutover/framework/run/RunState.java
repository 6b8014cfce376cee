package dev.cutover.framework.run;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an apply left in its database, as a crash drill compares it with an uninterrupted run's: the rows
 * of every table a run writes, each with its count and its count of distinct natural keys (a row written
 * twice shows as the difference), the plan's and the activated generation's digests, the executing
 * entities, and the executions the job repository still records as running while no live lease covers
 * them.
 *
 * @param counts     rows per table
 * @param duplicates per table, rows minus distinct natural keys (0 everywhere when nothing was written twice)
 * @param executing  the executing generation's entities, {@code id body} in model order
 * @param orphans    job, step and partition executions still running without a live lease of theirs
 * @param miscounted runs whose keyed leaves ({@code record_leaf}) differ from the counts the normalize step
 *                   stored with them ({@code record_leaf_count}), which the plan step reads instead
 */
record RunState(Map<String, Long> counts, Map<String, Long> duplicates, List<String> planDigests,
        List<String> generationDigests, List<String> executing, List<String> orphans, List<String> miscounted) {

    /**
     * Every table a run writes, with its natural key: what one row stands for, whatever its surrogate or
     * primary key. A page stored twice under two page numbers, a generation activated twice for one run,
     * a lineage row planned twice, each counts as a duplicate.
     */
    static final Map<String, String> NATURAL_KEYS = naturalKeys();

    private static Map<String, String> naturalKeys() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("run_settings", "settings");
        keys.put("retrieved_page", "run_id, source, first_index");
        keys.put("raw_record", "run_id, source, idx");
        keys.put("record_outcome", "run_id, source, record_key");
        keys.put("record_leaf", "run_id, source, record_key, leaf_no");
        keys.put("plan_report", "run_id");
        keys.put("planned_entity", "run_id, entity_id");
        keys.put("planned_member", "run_id, entity_id, source, record_key");
        keys.put("target_entity", "run_id, entity_id");
        keys.put("target_lineage", "run_id, source, record_key, entity_id");
        keys.put("validated_model", "run_id");
        keys.put("model_generation", "migration, run_id");
        keys.put("executing_model", "migration");
        keys.put("execution_refusal", "execution_id, code");
        keys.put("job_instance", "jobname");
        return keys;
    }

    private static final String RUNNING = "('STARTING', 'STARTED', 'STOPPING')";
    private static final String LEASED = "(select execution_id from migration_lease where expires_at > now() and execution_id is not null)";

    static RunState read(Map<String, String> database) {
        try (Connection c = DriverManager.getConnection(database.get("quarkus.datasource.jdbc.url"),
                database.get("quarkus.datasource.username"), database.get("quarkus.datasource.password"));
                Statement s = c.createStatement()) {
            Map<String, Long> counts = new LinkedHashMap<>();
            Map<String, Long> duplicates = new LinkedHashMap<>();
            NATURAL_KEYS.forEach((table, key) -> {
                counts.put(table, number(s, "select count(*) from " + table));
                duplicates.put(table, number(s, "select count(*) - (select count(*) from (select distinct " + key + " from "
                        + table + ") k) from " + table));
            });
            List<String> orphans = new ArrayList<>();
            orphans.addAll(texts(s, "select 'job execution ' || jobexecutionid || ' ' || batchstatus from job_execution "
                    + "where batchstatus in " + RUNNING + " and jobexecutionid not in " + LEASED));
            orphans.addAll(texts(s, "select 'step execution ' || stepexecutionid || ' (' || stepname || ') ' || batchstatus "
                    + "from step_execution where batchstatus in " + RUNNING + " and jobexecutionid not in " + LEASED));
            orphans.addAll(texts(s, "select 'partition ' || p.partitionexecutionid || ' of step execution ' || p.stepexecutionid "
                    + "|| ' ' || p.batchstatus from partition_execution p join step_execution e on e.stepexecutionid = p.stepexecutionid "
                    + "where p.batchstatus in " + RUNNING + " and e.jobexecutionid not in " + LEASED));
            List<String> miscounted = texts(s, """
                    select 'run ' || run_id || ': record_leaf holds ' || coalesce(held.records, 0) || ' records with '
                        || coalesce(held.leaves, 0) || ' leaves, record_leaf_count says ' || coalesce(said.records, 0)
                        || ' with ' || coalesce(said.leaves, 0)
                    from (select run_id, count(*) filter (where leaf_no = 0) as records, count(*) as leaves
                          from record_leaf group by run_id) held
                    full join (select run_id, sum(records) as records, sum(leaves) as leaves
                               from record_leaf_count group by run_id) said using (run_id)
                    where coalesce(held.records, 0) <> coalesce(said.records, 0)
                       or coalesce(held.leaves, 0) <> coalesce(said.leaves, 0)
                    order by run_id""");
            return new RunState(counts, duplicates, texts(s, "select digest from plan_report order by run_id"),
                    texts(s, "select digest from model_generation order by generation"),
                    texts(s, "select entity_id || ' ' || body from executing_entities order by migration, ordinal"), orphans,
                    miscounted);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the state of " + database.get("quarkus.datasource.jdbc.url"), e);
        }
    }

    /** @return the ways this state differs from {@code reference}'s, the uninterrupted run's, and its own faults */
    List<String> violationsAgainst(RunState reference) {
        List<String> violations = new ArrayList<>();
        duplicates.forEach((table, n) -> {
            if (n != 0) {
                violations.add(table + ": " + n + " rows written twice (" + counts.get(table) + " rows, natural key "
                        + NATURAL_KEYS.get(table) + ")");
            }
        });
        counts.forEach((table, n) -> {
            if (!n.equals(reference.counts.get(table))) {
                violations.add(table + ": " + n + " rows, the uninterrupted run has " + reference.counts.get(table));
            }
        });
        if (!planDigests.equals(reference.planDigests)) {
            violations.add("plan digest " + planDigests + ", the uninterrupted run's is " + reference.planDigests);
        }
        if (!generationDigests.equals(reference.generationDigests)) {
            violations.add("activated generations " + generationDigests + ", the uninterrupted run's " + reference.generationDigests);
        }
        if (!executing.equals(reference.executing)) {
            violations.add("the executing entities differ from the uninterrupted run's (" + executing.size() + " against "
                    + reference.executing.size() + ")");
        }
        orphans.forEach(o -> violations.add(o + " is left running without a live lease"));
        violations.addAll(miscounted);
        return violations;
    }

    private static long number(Statement s, String sql) {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static List<String> texts(Statement s, String sql) {
        List<String> values = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
        return values;
    }
}

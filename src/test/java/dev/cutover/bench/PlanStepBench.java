package dev.cutover.bench;

import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;

import org.postgresql.ds.PGSimpleDataSource;

import dev.cutover.framework.metrics.PhaseProgress;
import dev.cutover.framework.migration.MigrationDescriptor;
import dev.cutover.framework.plan.ModelPlanning;
import dev.cutover.framework.plan.PlanInputs;
import dev.cutover.framework.plan.PlanningRows;
import dev.cutover.framework.plan.PlanningTables;
import dev.cutover.framework.plan.TargetPlan;
import dev.cutover.migrations.notifications.NotificationRulesMigration;
import dev.cutover.migrations.ratelimits.RateLimitsMigration;

/**
 * Plans a kept run's stored leaves again, a few times, and prints each time: the plan step's model
 * (sort, entities, gate, model rows) without the job, the retrieval and the normalization around it, so
 * that two builds can be compared on the same data one after the other. Not a test. Keep a database with
 * {@code -Dbench.keepDb=true} on {@link EndToEndBench}, then, with the application's JVM options:
 * <pre>
 * java -Xmx256m -XX:+UseSerialGC -Xms160m -Xmn128m -XX:TieredStopAtLevel=1 -cp &lt;test-classes:classes:deps&gt; \
 *     dev.cutover.bench.PlanStepBench jdbc:postgresql://127.0.0.1:5432/&lt;db&gt; &lt;run id&gt; [migration] [repeats]
 * </pre>
 * It replaces the run's planned model rows with equal ones (the same digest each time, printed). With
 * {@code -Dbench.sortOnly=true} it only reads the sorted leaves to the end and prints when the first came.
 */
public final class PlanStepBench {

    private PlanStepBench() {
    }

    public static void main(String[] args) throws SQLException {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: PlanStepBench <jdbc url> <run id> [migration] [repeats]");
        }
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(args[0]);
        dataSource.setUser(System.getProperty("bench.user", "postgres"));
        long runId = Long.parseLong(args[1]);
        String migration = args.length > 2 ? args[2] : NotificationRulesMigration.ID;
        int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        MigrationDescriptor<?, ?, ?> descriptor = switch (migration) {
            case NotificationRulesMigration.ID -> new NotificationRulesMigration();
            case RateLimitsMigration.ID -> new RateLimitsMigration();
            default -> throw new IllegalArgumentException("unknown migration '" + migration + "'");
        };
        Instant horizonStart = Instant.now().truncatedTo(ChronoUnit.DAYS);
        for (int i = 1; i <= repeats; i++) {
            long begin = System.nanoTime();
            ModelPlanning.StoredLeaves stored = PlanInputs.storedLeaves(dataSource, runId);
            long counted = System.nanoTime();
            if (Boolean.getBoolean("bench.sortOnly")) {
                sortOnly(dataSource, runId, i);
                continue;
            }
            TargetPlan plan;
            try (PlanningTables rows = PlanningTables.openStored(dataSource, runId)) {
                plan = ModelPlanning.planStored(descriptor, horizonStart, rows, PhaseProgress.detached("plan"), stored);
            }
            long planned = System.nanoTime();
            System.out.printf("run %d, %s, try %d: %d records, %d leaves counted in %.2f s; model of %d entities in %.2f s,"
                    + " digest %s%n", runId, migration, i, stored.records(), stored.leaves(), (counted - begin) / 1e9,
                    plan.entityCount(), (planned - counted) / 1e9, plan.modelDigest());
        }
    }

    /** The database's part alone: the sorted leaves read to the end, nothing planned. */
    private static void sortOnly(PGSimpleDataSource dataSource, long runId, int attempt) {
        long begin = System.nanoTime();
        long firstRow = 0;
        long rows = 0;
        try (PlanningTables tables = PlanningTables.openStored(dataSource, runId)) {
            Iterator<PlanningRows.LeafRow> leaves = tables.sortedLeaves();
            while (leaves.hasNext()) {
                leaves.next();
                if (rows++ == 0) {
                    firstRow = System.nanoTime();
                }
            }
        }
        System.out.printf("run %d, try %d: sorted leaves read, the first after %.2f s, all %d after %.2f s%n", runId, attempt,
                (firstRow - begin) / 1e9, rows, (System.nanoTime() - begin) / 1e9);
    }
}

package dev.cutover.framework.model;

import static dev.cutover.migrations.ratelimits.RateLimitsRuns.MIGRATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.lang.ref.WeakReference;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cutover.framework.activate.GenerationSwitch;
import dev.cutover.framework.migration.BehaviorModel;
import dev.cutover.framework.migration.ExecutableModel;
import dev.cutover.framework.migration.JsonCodec;
import dev.cutover.framework.migration.Migrations;
import dev.cutover.framework.model.ExecutingBehavior.Executing;
import dev.cutover.framework.run.Sql;
import dev.cutover.framework.run.StepProbe;
import dev.cutover.framework.toolkit.LegacyJson;
import dev.cutover.migrations.ratelimits.RateLimitsRuns;
import dev.cutover.migrations.ratelimits.behavior.EffectiveLimits;
import dev.cutover.migrations.ratelimits.behavior.QuotaModel;
import dev.cutover.migrations.ratelimits.behavior.RequestClass;
import dev.cutover.migrations.ratelimits.demo.DemoRegions;
import dev.cutover.migrations.ratelimits.normalize.KvKey;
import dev.cutover.migrations.ratelimits.normalize.QuotaLeaf;
import dev.cutover.migrations.ratelimits.plan.Quota;
import dev.cutover.support.Cli;
import dev.cutover.support.Waits;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A live executor's read of the executing model by key ({@link ExecutingBehavior#inSnapshotByKey})
 * through the model's {@link ModelKeyIndex}: the same decisions as the whole model, each key's model
 * holding its own share only; the index built once however many ask, never half, and dropped beyond the
 * kept ones. Over {@code rate-limits-v2}, whose key is the service.
 */
@QuarkusTest
class ModelKeyIndexTest {

    // the rate-limit model under a migration id of its own, for runs this test writes itself (negative ids)
    private static final ExecutableModel<QuotaLeaf, Quota, EffectiveLimits> OWN = new ExecutableModel<>() {
        @Override
        public String id() {
            return "model-key-index-test";
        }

        @Override
        public JsonCodec<QuotaLeaf> leafCodec() {
            return QuotaModel.INSTANCE.leafCodec();
        }

        @Override
        public JsonCodec<Quota> entityCodec() {
            return QuotaModel.INSTANCE.entityCodec();
        }

        @Override
        public BehaviorModel<QuotaLeaf, Quota, EffectiveLimits> behavior() {
            return QuotaModel.INSTANCE.behavior();
        }
    };

    @Inject
    ExecutingBehavior behavior;

    @Inject
    ModelKeyIndex index;

    @Inject
    KeyedModels keyed;

    @Inject
    ReadSnapshot snapshot;

    @Inject
    GenerationSwitch generations;

    @Inject
    DataSource dataSource;

    @Inject
    ExecutingModelReader reader;

    @Inject
    Migrations migrations;

    @BeforeEach
    @AfterEach
    void deleteTheTestsOwnRuns() {
        Sql.update(dataSource, "delete from record_outcome where run_id between -7400 and -7300");
        Sql.update(dataSource, "delete from legacy_key where run_id between -7400 and -7300");
        Sql.update(dataSource, "delete from model_key where run_id between -7400 and -7300");
        Sql.update(dataSource, "delete from model_key_index where migration = ?", OWN.id());
    }

    @Test
    void everyDecisionReadFromItsServicesKeyIsTheWholeModelsForAGenerationAndForLegacy() {
        applyTheDemoFromLegacy();
        Executing<EffectiveLimits> generation = decidesAsTheWholeModel();
        assertThat(generation.generation()).isPositive();
        assertThat(this.<Boolean>inSnapshot(c -> ModelKeyIndex.isBuilt(c, generation.runId(), false))).isTrue();

        assertThat(Cli.run("rollback", MIGRATION).exitCode()).isZero();
        Executing<EffectiveLimits> legacy = decidesAsTheWholeModel();
        assertThat(legacy.generation()).isZero();
        assertThat(this.<Boolean>inSnapshot(c -> ModelKeyIndex.isBuilt(c, legacy.runId(), true))).isTrue();
    }

    @Test
    void anActivationAndARollbackIndexTheModelTheySwitchToBeforeTheSwitchCommits() {
        applyTheDemoFromLegacy();
        long generationRun = generations.current(MIGRATION).runId();
        // no live executor has read the model yet: only the activation can have built its index
        assertThat(builtBeforeTheSwitch(generationRun, false)).as("the generation's index, built before the switch").isTrue();

        long legacyRun = this.<Long>inSnapshot(c -> reader.latestPlannedRun(c, MIGRATION).getAsLong());
        dropIndex(legacyRun, true);
        assertThat(Cli.run("rollback", MIGRATION).exitCode()).isZero();
        assertThat(generations.current(MIGRATION).isLegacy()).isTrue();
        assertThat(builtBeforeTheSwitch(legacyRun, true)).as("the legacy model's index, built before the rollback").isTrue();
    }

    @Test
    void aPlanWhileLegacyExecutesIndexesItsRecordsBeforeItsReportWhenTheLegacyModelItReplacesIsReadByKey() {
        RateLimitsRuns.startFromLegacy(generations);
        // the legacy model executing now (earlier tests' last plan) as no live executor has read it
        this.<java.util.OptionalLong>inSnapshot(c -> reader.latestPlannedRun(c, MIGRATION)).ifPresent(run -> dropIndex(run, true));
        try (DemoRegions regions = DemoRegions.start()) {
            long first = plan(regions);
            // no live executor read the legacy model it replaced by key: nothing built
            assertThat(this.<Boolean>inSnapshot(c -> ModelKeyIndex.isBuilt(c, first, true))).isFalse();

            // a live executor reads the legacy model by key (its first unit builds the index)
            behavior.inSnapshot(migrations.require(MIGRATION), "orders", (limits, connection) -> limits);
            assertThat(this.<Boolean>inSnapshot(c -> ModelKeyIndex.isBuilt(c, first, true))).isTrue();

            long second = plan(regions);
            assertThat(Sql.query(dataSource, """
                    select i.built_at < p.created_at from model_key_index i join plan_report p on p.run_id = i.run_id
                    where i.run_id = ? and i.legacy""", rs -> rs.getBoolean(1), second))
                    .as("the legacy model's index, built before the report made it the legacy model").containsExactly(true);
        }
    }

    private long plan(DemoRegions regions) {
        Cli.Result planned = Cli.run(RateLimitsRuns.args("plan", regions, "--accept", RateLimitsRuns.ACCEPT_DEMO));
        assertThat(planned.exitCode()).as(planned.toString()).isZero();
        return this.<Long>inSnapshot(c -> reader.latestPlannedRun(c, MIGRATION).getAsLong());
    }

    @Test
    void aRollbackBuildsTheIndexWithoutHoldingTheLeaseThatAnExpiringBuildCouldLose() {
        applyTheDemoFromLegacy();
        long legacyRun = this.<Long>inSnapshot(c -> reader.latestPlannedRun(c, MIGRATION).getAsLong());
        dropIndex(legacyRun, true);
        List<Long> leasesAtTheBuild = new ArrayList<>();
        QuarkusMock.installMockForType(new StepProbe() {
            @Override
            public void reached(String point) {
                if (point.equals("key-index-build")) {
                    leasesAtTheBuild.addAll(Sql.query(dataSource, "select count(*) from migration_lease where migration = ?",
                            rs -> rs.getLong(1), MIGRATION));
                }
            }
        }, StepProbe.class);

        Cli.Result rolledBack = Cli.run("rollback", MIGRATION);

        assertThat(rolledBack.exitCode()).as(rolledBack.toString()).isZero();
        // a build may outlast the lease's ttl: held meanwhile, the lease could pass to an apply whose activation
        // this rollback would then undo
        assertThat(leasesAtTheBuild).as("leases of the migration when the build began").containsExactly(0L);
        assertThat(builtBeforeTheSwitch(legacyRun, true)).isTrue();
    }

    private void applyTheDemoFromLegacy() {
        RateLimitsRuns.startFromLegacy(generations);
        try (DemoRegions regions = DemoRegions.start()) {
            Cli.Result applied = RateLimitsRuns.apply(regions);
            assertThat(applied.exitCode()).as(applied.toString()).isZero();
        }
    }

    // the index row's transaction committed before the switch's began: now() is each transaction's start
    private boolean builtBeforeTheSwitch(long runId, boolean legacy) {
        List<Boolean> before = Sql.query(dataSource, """
                select i.built_at < e.switched_at from model_key_index i join executing_model e on e.migration = i.migration
                where i.run_id = ? and i.legacy = ?""", rs -> rs.getBoolean(1), runId, legacy);
        return before.equals(List.of(true));
    }

    private void dropIndex(long runId, boolean legacy) {
        Sql.update(dataSource, "delete from " + (legacy ? "legacy_key" : "entity_key") + " where run_id = ?", runId);
        Sql.update(dataSource, "delete from model_key where run_id = ? and legacy = ?", runId, legacy);
        Sql.update(dataSource, "delete from model_key_index where run_id = ? and legacy = ?", runId, legacy);
    }

    /** @return the whole model: every class of it and a few unknown ones decide alike from each service's key */
    private Executing<EffectiveLimits> decidesAsTheWholeModel() {
        Executing<EffectiveLimits> whole = inSnapshot(c -> behavior.read(c, QuotaModel.INSTANCE));
        EffectiveLimits all = whole.model();
        assertThat(all.size()).as("the demo's settings").isGreaterThan(100);
        Set<String> regions = new TreeSet<>(all.regions());
        regions.add("nowhere");
        Set<String> services = new TreeSet<>(all.routesByService().keySet());
        List<String> keys = behavior.inSnapshotByKey(QuotaModel.INSTANCE, (byKey, connection) -> {
            List<String> handed = new ArrayList<>();
            byKey.forEachKey(handed::add);
            assertThat(byKey.keyCount()).isEqualTo(handed.size());
            return handed;
        });
        assertThat(keys).as("the model's keys: its services").containsExactlyElementsOf(services);
        services.add("nobody");
        long settings = 0;
        int classes = 0;
        for (String service : services) {
            Executing<EffectiveLimits> part = behavior.inSnapshot(QuotaModel.INSTANCE, service, (read, connection) -> read);
            assertThat(part.generation()).isEqualTo(whole.generation());
            assertThat(part.runId()).isEqualTo(whole.runId());
            settings += part.model().size();
            List<String> routes = new ArrayList<>(all.routesByService().getOrDefault(service, Set.of()));
            routes.add(Quota.ANY);
            routes.add("/not-a-route");
            for (String region : regions) {
                for (String route : routes) {
                    for (String tier : KvKey.TIERS) {
                        RequestClass request = new RequestClass(region, service, route, tier);
                        assertThat(part.model().effective(request)).as(request.toString()).isEqualTo(all.effective(request));
                        classes++;
                    }
                }
            }
        }
        // each key's model holds its service's settings and no other: together, the whole model once
        assertThat(settings).isEqualTo(all.size());
        assertThat(classes).isGreaterThan(1000);
        return whole;
    }

    @Test
    void aSecondBuilderWaitsForTheFirstsTransactionAndWritesNothing() throws Exception {
        record(-7301, "eu", "k1", "[{\"service\":\"a\",\"route\":\"*\",\"tier\":\"*\",\"ratePerSecond\":\"10\",\"burst\":10}]");
        try (Connection first = dataSource.getConnection()) {
            first.setAutoCommit(false);
            // the first builder's claim, not committed yet
            try (var ps = first.prepareStatement("insert into model_key_index (run_id, legacy, migration) values (-7301, true, ?)")) {
                ps.setString(1, OWN.id());
                ps.executeUpdate();
            }
            CompletableFuture<Void> second = CompletableFuture.runAsync(() -> index.build(OWN, -7301, true));
            // the second builder's claim waits on the first's row lock: PostgreSQL says so
            Waits.backendWaitingOnLockIn(dataSource, "insert into model_key_index");
            assertThat(second).isNotDone();
            first.commit();
            second.get();
        }
        assertThat(Sql.query(dataSource, "select count(*) from legacy_key where run_id = -7301", rs -> rs.getLong(1)))
                .containsExactly(0L);
    }

    @Test
    void buildersOfOneModelInOneProcessWaitForTheFirstHoldingNoConnection() throws Exception {
        record(-7308, "eu", "k1", "[{\"service\":\"a\",\"route\":\"*\",\"tier\":\"*\",\"ratePerSecond\":\"10\",\"burst\":10}]");
        List<Thread> others = new ArrayList<>();
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (var statement = holder.createStatement()) {
                // the first builder's readers wait for this lock, after its claim
                statement.execute("lock table record_outcome in access exclusive mode");
            }
            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> index.build(OWN, -7308, true));
            Waits.backendWaitingOnLockIn(dataSource, "select source, record_key, rec_id, idx, target from record_outcome");
            for (int i = 0; i < 4; i++) {
                Thread other = new Thread(() -> index.build(OWN, -7308, true), "model-key-index-test-builder-" + i);
                other.start();
                others.add(other);
            }
            // each waits for the first on its lock in this process: none waits on the claim in the database,
            // where each would hold a connection of the pool that the first builder's readers draw from
            await().atMost(Duration.ofSeconds(30)).until(() -> others.stream().allMatch(t -> t.getState() == Thread.State.BLOCKED));
            assertThat(Sql.query(dataSource, """
                    select count(*) from pg_stat_activity where wait_event_type = 'Lock'
                    and query like 'insert into model_key_index%'""", rs -> rs.getLong(1))).containsExactly(0L);
            holder.commit();
            first.get();
        }
        for (Thread other : others) {
            other.join(Duration.ofSeconds(30).toMillis());
            assertThat(other.isAlive()).isFalse();
        }
        assertThat(Sql.query(dataSource, "select count(*) from legacy_key where run_id = -7308", rs -> rs.getLong(1)))
                .containsExactly(1L);
    }

    @Test
    void aProcessKeepsNoLockOfAModelOnceItsBuildersAreDone() throws Exception {
        // serve builds an index at each plan and activation for as long as it runs: a lock kept per model
        // built would grow with every run of its lifetime
        record(-7310, "eu", "k1", "[{\"service\":\"a\",\"route\":\"*\",\"tier\":\"*\",\"ratePerSecond\":\"10\",\"burst\":10}]");
        List<CompletableFuture<Void>> builders = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            builders.add(CompletableFuture.runAsync(() -> index.build(OWN, -7310, true)));
        }
        CompletableFuture.allOf(builders.toArray(CompletableFuture[]::new)).get();
        index.build(OWN, -7310, true);

        assertThat(index.modelsLocked()).doesNotContain(new ModelOfRun(-7310, true));
        assertThat(Sql.query(dataSource, "select count(*) from legacy_key where run_id = -7310", rs -> rs.getLong(1)))
                .containsExactly(1L);
    }

    @Test
    void aProcessKeepsNoKeyOfAModelOnceTheUnitThatReadItsKeysIsDone() {
        // a key is legacy data as written (a schedule's spelling, a service's name): a model whose every
        // element spells its own key has as many keys as elements, so a process that kept them would hold
        // the size of the model for each model it executed
        applyTheDemoFromLegacy();
        List<WeakReference<String>> keys = behavior.inSnapshotByKey(QuotaModel.INSTANCE, (byKey, connection) -> {
            List<WeakReference<String>> handed = new ArrayList<>();
            byKey.forEachKey(key -> handed.add(new WeakReference<>(key)));
            return handed;
        });
        assertThat(keys).as("the model's keys").hasSizeGreaterThan(5);

        // a collection clears a key no one holds: waited for, as the JVM may defer it
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            System.gc();
            assertThat(keys).as("keys still held after their unit").allMatch(key -> key.get() == null);
        });
    }

    @Test
    void aRecordWhoseTargetIsNotJsonFailsTheBuildNamingItAndLeavesNoIndex() {
        record(-7302, "eu", "k1", "[{\"service\":\"a\",\"route\":\"*\",\"tier\":\"*\",\"ratePerSecond\":\"10\",\"burst\":10}]");
        record(-7302, "eu", "k2", "[{\"service\":\"a\",\"route\"");

        assertTheBuildFailsAndLeavesNoIndex(-7302, "legacy record eu/k2 of run -7302 is not JSON");
    }

    @Test
    void aRecordThatIsNotJsonAfterRowsTheCopyHadSentFailsTheBuildNamingItAndLeavesNoIndex() {
        migratedRecordsOf500Services(-7307, (IndexRowFeed.AHEAD + 2) * IndexRowFeed.BATCH, "*");
        record(-7307, "eu", "k~", "[{\"service\":");

        assertTheBuildFailsAndLeavesNoIndex(-7307, "legacy record eu/k~ of run -7307 is not JSON");
    }

    private void assertTheBuildFailsAndLeavesNoIndex(long runId, String failure) {
        assertThatThrownBy(() -> index.build(OWN, runId, true)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(failure);

        assertThat(this.<Boolean>inSnapshot(c -> ModelKeyIndex.isBuilt(c, runId, true))).isFalse();
        assertThat(Sql.query(dataSource, "select count(*) from legacy_key where run_id = ?", rs -> rs.getLong(1), runId))
                .containsExactly(0L);
    }

    /** Records k1..k{count} of source eu, each one leaf of service s{n % 500}, on {@code route} ({n} the record's n). */
    private void migratedRecordsOf500Services(long runId, int count, String route) {
        migratedRecordsOfServices(runId, count, 500, route);
    }

    /** Records k1..k{count} of source eu, each one leaf of service s{n % services}, on {@code route} ({n} the record's n). */
    private void migratedRecordsOfServices(long runId, int count, int services, String route) {
        Sql.update(dataSource, """
                insert into record_outcome (run_id, source, record_key, rec_id, idx, kind, target)
                select ?, 'eu', 'k' || n, 'k' || n, n, 'MIGRATED',
                       '[{"service":"s' || (n % ?) || '","route":"' || replace(?, '{n}', n::text) || '","tier":"*","ratePerSecond":"10","burst":10}]'
                from generate_series(1, ?) n""", runId, services, route, count);
    }

    @Test
    void theKeysOfAModelOfMoreKeysThanTheCursorFetchesAreHandedOnceEachInOrderWhileEachKeysModelIsRead() {
        int services = 2 * ExecutingModelReader.FETCH_SIZE + 3;
        migratedRecordsOfServices(-7315, 2 * services, services, "/r{n}");
        index.build(OWN, -7315, true);

        List<String> handed = new ArrayList<>();
        long settings = inSnapshot(c -> {
            long[] read = { 0 };
            // each key's model read on the connection whose cursor hands the keys: what the dispatcher does
            ModelKeys.forEach(c, -7315, true, key -> {
                handed.add(key);
                read[0] += keyed.legacy(c, OWN, -7315, key).size();
            });
            assertThat(ModelKeys.count(c, -7315, true)).isEqualTo(services);
            return read[0];
        });

        assertThat(handed).hasSize(services).doesNotHaveDuplicates().isSorted();
        assertThat(settings).as("every record's setting, read by its key").isEqualTo(2L * services);
    }

    @Test
    void aKeyLongerThanAnIndexEntryCanHoldIsIndexedAndReadByIt() {
        // 4,000 characters that do not compress: more than a btree entry of PostgreSQL holds (2,704 bytes)
        String service = Sql.query(dataSource, "select string_agg(md5(n::text), '') from generate_series(1, 125) n",
                rs -> rs.getString(1)).get(0);
        record(-7306, "eu", "k1", "[{\"service\":\"" + service + "\",\"route\":\"*\",\"tier\":\"*\",\"ratePerSecond\":\"10\",\"burst\":10}]");
        record(-7306, "eu", "k2", "[{\"service\":\"b\",\"route\":\"*\",\"tier\":\"*\",\"ratePerSecond\":\"20\",\"burst\":20}]");

        index.build(OWN, -7306, true);

        assertThat(inSnapshot(c -> keyed.legacy(c, OWN, -7306, service)).limit(new RequestClass("eu", service, "/x", "free"))
                .burst()).isEqualTo(10);
        assertThat(inSnapshot(c -> keyed.legacy(c, OWN, -7306, "b")).size()).isEqualTo(1);
    }

    @Test
    void aRecordWithLeavesOfTwoKeysIsIndexedUnderEachAndReadWithThatKeysLeavesOnly() {
        record(-7303, "eu", "k1", """
                [{"service":"a","route":"*","tier":"*","ratePerSecond":"10","burst":10},
                 {"service":"b","route":"*","tier":"*","ratePerSecond":"20","burst":20},
                 {"service":"a","route":"/x","tier":"*","ratePerSecond":"30","burst":30}]""");
        index.build(OWN, -7303, true);

        assertThat(Sql.query(dataSource, "select key from legacy_key where run_id = -7303 order by key",
                rs -> rs.getString(1))).containsExactly("a", "b");
        EffectiveLimits a = inSnapshot(c -> keyed.legacy(c, OWN, -7303, "a"));
        EffectiveLimits b = inSnapshot(c -> keyed.legacy(c, OWN, -7303, "b"));
        assertThat(a.size()).isEqualTo(2);
        assertThat(b.size()).isEqualTo(1);
        assertThat(b.limit(new RequestClass("eu", "b", "/x", "free")).burst()).isEqualTo(20);
    }

    @Test
    void aModelOfMoreRecordsThanTheCursorFetchesAndTheFeedHoldsIsIndexedWhole() {
        int records = (IndexRowFeed.AHEAD + 2) * IndexRowFeed.BATCH + ExecutingModelReader.FETCH_SIZE + 7;
        migratedRecordsOf500Services(-7304, records, "/r{n}");

        index.build(OWN, -7304, true);

        assertThat(Sql.query(dataSource, "select count(*), count(distinct key) from legacy_key where run_id = -7304",
                rs -> List.of(rs.getLong(1), rs.getLong(2)))).containsExactly(List.of((long) records, 500L));
        assertThat(Sql.query(dataSource, "select elements from model_key_index where run_id = -7304 and legacy",
                rs -> rs.getLong(1))).containsExactly((long) records);
        assertThat(Sql.query(dataSource, "select count(*), sum(elements) from model_key where run_id = -7304 and legacy",
                rs -> List.of(rs.getLong(1), rs.getLong(2)))).containsExactly(List.of(500L, (long) records));
        EffectiveLimits s7 = inSnapshot(c -> keyed.legacy(c, OWN, -7304, "s7"));
        assertThat(s7.size()).isEqualTo((records - 7) / 500 + 1);
        assertThat(s7.routesByService().keySet()).containsExactly("s7");
    }

    @Test
    void theReadOfAKeyIsPlannedForAboutTheRowsTheKeyHas() throws Exception {
        // 500 services of 40 records each: the read names a key by its hash and by itself
        migratedRecordsOf500Services(-7309, 20_000, "/r{n}");
        index.build(OWN, -7309, true);

        String plan = Sql.query(dataSource, """
                explain (format json) select k.record_key from legacy_key k
                where k.run_id = -7309 and hashtext(k.key) = hashtext('s7') and k.key = 's7'""", rs -> rs.getString(1)).get(0);
        double estimated = LegacyJson.MAPPER.readTree(plan).get(0).get("Plan").get("Plan Rows").asDouble();
        // the two conditions always agree: multiplied as if independent, they made the estimate a row or two
        assertThat(estimated).isBetween(10.0, 160.0);
    }

    @Test
    void aKeysModelInPartsHoldsAtMostAPartsLeavesEachAndTogetherTheWholeKeysOnce() throws Exception {
        // service a: 23 leaves over 22 records (the last record holds two of them and one of service b)
        Sql.update(dataSource, """
                insert into record_outcome (run_id, source, record_key, rec_id, idx, kind, target)
                select -7305, 'eu', 'k' || lpad(n::text, 2, '0'), 'k' || n, n, 'MIGRATED',
                       '[{"service":"a","route":"/r' || n || '","tier":"*","ratePerSecond":"10","burst":10}]'
                from generate_series(1, 21) n""");
        record(-7305, "eu", "k99", """
                [{"service":"a","route":"/x","tier":"*","ratePerSecond":"30","burst":30},
                 {"service":"b","route":"*","tier":"*","ratePerSecond":"20","burst":20},
                 {"service":"a","route":"/y","tier":"*","ratePerSecond":"40","burst":40}]""");
        // service c: 12 leaves, one per record
        Sql.update(dataSource, """
                insert into record_outcome (run_id, source, record_key, rec_id, idx, kind, target)
                select -7305, 'us', 'c' || lpad(n::text, 2, '0'), 'c' || n, n, 'MIGRATED',
                       '[{"service":"c","route":"/r' || n || '","tier":"*","ratePerSecond":"10","burst":10}]'
                from generate_series(1, 12) n""");
        index.build(OWN, -7305, true);
        EffectiveLimits whole = inSnapshot(c -> keyed.legacy(c, OWN, -7305, "a"));
        assertThat(whole.size()).isEqualTo(23);

        List<EffectiveLimits> parts = parts("a", 10);
        assertThat(parts).extracting(EffectiveLimits::size).containsExactly(10, 10, 3);
        Set<String> routes = new TreeSet<>();
        parts.forEach(part -> routes.addAll(part.routesByService().get("a")));
        assertThat(routes).containsExactlyInAnyOrderElementsOf(whole.routesByService().get("a"));
        for (EffectiveLimits part : parts) {
            for (String route : part.routesByService().get("a")) {
                RequestClass request = new RequestClass("eu", "a", route, "free");
                assertThat(part.effective(request)).as(request.toString()).isEqualTo(whole.effective(request));
            }
        }
        assertThat(parts("b", 10)).extracting(EffectiveLimits::size).containsExactly(1);
        assertThat(parts("nobody", 10)).extracting(EffectiveLimits::size).as("a key without leaves: one empty part")
                .containsExactly(0);

        assertThat(parts("c", 5)).extracting(EffectiveLimits::size).containsExactly(5, 5, 2);

        // a key that fitted in one part is cached (its rows are immutable), a split one is read again,
        // and a cached model is handed whole to a part at least as large
        Sql.update(dataSource, "delete from record_outcome where run_id = -7305");
        assertThat(parts("b", 10)).extracting(EffectiveLimits::size).containsExactly(1);
        assertThat(parts("c", 100)).extracting(EffectiveLimits::size).containsExactly(0);
        assertThat(parts("a", 100)).extracting(EffectiveLimits::size).as("whole, as keyed.legacy cached it").containsExactly(23);
        assertThat(parts("a", 22)).extracting(EffectiveLimits::size).as("not handed whole to smaller parts").containsExactly(0);
        assertThatThrownBy(() -> parts("a", 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
    }

    private List<EffectiveLimits> parts(String key, int elements) throws Exception {
        List<EffectiveLimits> parts = new ArrayList<>();
        if (elements < 1) {
            // the bound is checked where a live executor asks for parts
            new ExecutingByKey<EffectiveLimits>(0, -7305L, k -> null, (k, n, action) -> parts.add(null), null)
                    .forEachPart(key, elements, parts::add);
        }
        inSnapshot(c -> {
            keyed.legacyParts(c, OWN, -7305, key, elements, parts::add);
            return null;
        });
        return parts;
    }

    @Test
    void buildingAnIndexBeyondTheKeptOnesDropsTheOldest() {
        for (long run = -7311; run >= -7311 - ModelKeyIndex.KEPT; run--) {
            record(run, "eu", "k1", "[{\"service\":\"a\",\"route\":\"*\",\"tier\":\"*\",\"ratePerSecond\":\"10\",\"burst\":10}]");
            index.build(OWN, run, true);
        }

        assertThat(Sql.query(dataSource, "select run_id from model_key_index where migration = ? order by run_id",
                rs -> rs.getLong(1), OWN.id())).containsExactly(-7314L, -7313L, -7312L);
        assertThat(Sql.query(dataSource, "select distinct run_id from legacy_key where run_id between -7400 and -7300 order by run_id",
                rs -> rs.getLong(1))).containsExactly(-7314L, -7313L, -7312L);
        assertThat(Sql.query(dataSource, "select distinct run_id from model_key where run_id between -7400 and -7300 order by run_id",
                rs -> rs.getLong(1))).containsExactly(-7314L, -7313L, -7312L);
    }

    private void record(long runId, String source, String key, String target) {
        Sql.update(dataSource, """
                insert into record_outcome (run_id, source, record_key, rec_id, idx, kind, target)
                values (?, ?, ?, ?, 0, 'MIGRATED', ?)""", runId, source, key, key, target);
    }

    private <T> T inSnapshot(ReadSnapshot.Work<T> work) {
        return snapshot.call(work);
    }
}

package dev.cutover.migrations.notifications.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.cutover.framework.activate.GenerationSwitch;
import dev.cutover.framework.source.server.InFlightGauge;
import dev.cutover.framework.source.server.LegacySourceData;
import dev.cutover.framework.source.server.LegacySourceServer;
import dev.cutover.support.Apply;
import dev.cutover.support.CutoverCycles;
import dev.cutover.support.DispatchAudit;
import dev.cutover.support.DispatchAudit.ReferencePolicy;
import dev.cutover.support.DispatchAudit.Row;
import dev.cutover.support.DispatchAudit.Tuple;
import dev.cutover.support.DispatcherRun;
import dev.cutover.support.InjectsFaults;
import dev.cutover.support.proof.ProofFigures;
import dev.cutover.support.proof.ProofFigures.Figure;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Live behavior across cutovers (issue 11) for {@code notification-rules-v2}: the dispatcher ticks every
 * 10 ms on a simulated clock (a minute per tick) throughout {@link CutoverCycles#count()} apply /
 * rollback / re-apply cycles between two data sets whose policies dispatch to different recipients,
 * every fifth apply failing inside the activation transaction and restarted by id. After each cycle an
 * observer checks every slot processed since the last check against the data set of the generation that
 * dispatched it, computed independently ({@link DispatchAudit#expected}): nothing missed, nothing
 * duplicated, no tick or slot from two models, no tuple of the other data set (a mixed decision), and no
 * slot from the old model once the switch had committed (from the second slot after it returned).
 */
@QuarkusTest
class DispatcherAcrossCutoversTest {

    private static final String MIGRATION = NotificationDispatcher.MIGRATION;
    private static final Instant MONDAY = Instant.parse("2025-01-06T00:00:00Z");
    private static final List<String> SCHEDULES = List.of("* * * * *", "*/2 * * * *", "*/3 * * * *", "*/5 * * * *");
    private static final Duration AWAIT = Duration.ofSeconds(60);

    @Inject
    NotificationDispatcher dispatcher;

    @Inject
    GenerationSwitch generations;

    @Inject
    DataSource dataSource;

    @BeforeEach
    @AfterEach
    void startFromLegacy() {
        dispatcher.stop();
        Apply.startFromLegacy(generations);
    }

    @Test
    @InjectsFaults("an exception inside the activation transaction, every fifth cycle")
    void theDispatcherRunningThroughRepeatedCutoversMissesDuplicatesAndMixesNothing() {
        long started = System.nanoTime();
        List<LegacySourceServer> servers = new ArrayList<>();
        try {
            Map<String, String[]> applyArgs = new LinkedHashMap<>();
            Map<String, List<ReferencePolicy>> references = new HashMap<>();
            for (String dataSet : List.of("A", "B")) {
                List<ObjectNode> rules = rules(dataSet);
                references.put(dataSet, reference(rules));
                List<String> args = new ArrayList<>(List.of("apply", MIGRATION));
                for (int s = 0; s < 2; s++) {
                    int half = s;
                    List<JsonNode> mine = new ArrayList<>();
                    for (int i = half; i < rules.size(); i += 2) {
                        mine.add(rules.get(i));
                    }
                    LegacySourceServer server = new LegacySourceServer("s" + (s + 1), new LegacySourceData(mine, 1), 10,
                            new InFlightGauge());
                    servers.add(server);
                    args.addAll(List.of("--source", server.name() + "=" + server.start()));
                }
                applyArgs.put(dataSet, args.toArray(String[]::new));
            }
            assertThat(references.get("A")).as("the data sets differ").isNotEqualTo(references.get("B"));

            CutoverCycles cycles = new CutoverCycles(MIGRATION, generations, applyArgs);
            cycles.first("A");
            long afterTick = DispatchAudit.lastTick(dataSource);
            int count = CutoverCycles.count();
            DispatchObserver observer;
            try (DispatcherRun run = DispatcherRun.start(dispatcher, dataSource, MONDAY, Duration.ofMinutes(1),
                    Integer.MAX_VALUE, Duration.ofMillis(10))) {
                observer = new DispatchObserver(run, afterTick, cycles, references);
                run.awaitSlots(3, AWAIT);
                observer.check(0, generations.current(MIGRATION).generation());
                for (int n = 1; n <= count; n++) {
                    CutoverCycles.Outcome outcome = cycles.cycle(n, stillExecuting -> {
                        // the failed activation switched nothing: every slot since the last check is the old model's
                        run.awaitSlots(run.slots().size() + 3, AWAIT);
                        observer.check(observer.checkedUpTo, stillExecuting);
                    });
                    // read once the switch committed: from the second slot after it on, only the new model
                    int after = run.slots().size();
                    run.awaitSlots(after + 3, AWAIT);
                    observer.check(after + 2, outcome.generation());
                }
                run.stop();
            }
            long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            System.out.printf("dispatcher across %d cutovers (%s): %d slots and %d tuples checked, %d violations, in %d ms%n",
                    count, cycles, observer.slotsChecked, observer.tuplesChecked, observer.violations.size(), millis);
            ProofFigures.add(Figure.LIVE_CYCLES, MIGRATION, count);
            ProofFigures.add(Figure.LIVE_DECISIONS_CHECKED, MIGRATION, observer.slotsChecked);
            ProofFigures.add(Figure.VIOLATIONS, MIGRATION, observer.violations.size());

            assertThat(observer.violations).isEmpty();
            assertThat(cycles.failedActivations()).isGreaterThanOrEqualTo(count / 10);
            assertThat(observer.slotsChecked).isGreaterThanOrEqualTo(3L * count);
        } finally {
            servers.forEach(LegacySourceServer::close);
        }
    }

    /**
     * Checks the slots processed since the last check, each against the data set of the generation that
     * dispatched it; collects what is wrong instead of failing at once, so the figures count it all.
     */
    private final class DispatchObserver {
        final DispatcherRun run;
        final long afterTick;
        final CutoverCycles cycles;
        final Map<String, List<ReferencePolicy>> references;
        final List<String> violations = new ArrayList<>();
        int checkedUpTo;
        long slotsChecked;
        long tuplesChecked;

        DispatchObserver(DispatcherRun run, long afterTick, CutoverCycles cycles, Map<String, List<ReferencePolicy>> references) {
            this.run = run;
            this.afterTick = afterTick;
            this.cycles = cycles;
            this.references = references;
        }

        /**
         * @param boundary   the index of the first slot that must be dispatched by {@code generation}; before it,
         *                   the previous generation may still dispatch, but never again once {@code generation} did
         * @param generation the generation executing now
         */
        void check(int boundary, int generation) {
            List<Instant> slots = run.slots();
            List<Instant> window = slots.subList(checkedUpTo, slots.size());
            Map<Instant, List<Row>> bySlot = new HashMap<>();
            for (Row row : DispatchAudit.rows(dataSource, window, afterTick)) {
                bySlot.computeIfAbsent(row.tuple().slot(), s -> new ArrayList<>()).add(row);
            }
            boolean switched = false;
            for (int i = checkedUpTo; i < slots.size(); i++) {
                Instant slot = slots.get(i);
                List<Row> rows = bySlot.getOrDefault(slot, List.of());
                slotsChecked++;
                tuplesChecked += rows.size();
                Set<Long> ticks = new TreeSet<>();
                Set<String> models = new TreeSet<>();
                rows.forEach(row -> {
                    ticks.add(row.tick());
                    models.add(row.modelLabel());
                });
                if (ticks.size() > 1) {
                    violations.add("slot " + slot + " dispatched by several ticks " + ticks);
                }
                if (models.size() > 1) {
                    violations.add("slot " + slot + " dispatched from several models " + models);
                }
                if (rows.isEmpty()) {
                    // both data sets have policies due every minute
                    violations.add("slot " + slot + ": nothing dispatched");
                    continue;
                }
                Row first = rows.get(0);
                String dataSet = "generation".equals(first.model()) ? cycles.dataSetOf(first.generation()) : null;
                if (dataSet == null) {
                    violations.add("slot " + slot + " dispatched from " + first.modelLabel() + ", not activated by this test");
                    continue;
                }
                compare(rows, DispatchAudit.expected(references.get(dataSet), List.of(slot)),
                        first.modelLabel() + " (data set " + dataSet + ")");
                if (first.generation() == generation) {
                    switched = true;
                } else if (i >= boundary || switched) {
                    violations.add("slot " + slot + " (" + i + ") dispatched from " + first.modelLabel() + " after generation "
                            + generation + " was executing" + (switched ? " and had dispatched" : ""));
                }
            }
            checkedUpTo = slots.size();
        }

        private void compare(List<Row> rows, SortedSet<Tuple> expected, String model) {
            Map<Tuple, Integer> dispatched = new TreeMap<>();
            rows.forEach(row -> dispatched.merge(row.tuple(), 1, Integer::sum));
            for (Tuple tuple : expected) {
                if (!dispatched.containsKey(tuple)) {
                    violations.add("missed: " + tuple + " due from " + model);
                }
            }
            dispatched.forEach((tuple, times) -> {
                if (!expected.contains(tuple)) {
                    violations.add("mixed: " + tuple + " is not due from " + model);
                } else if (times > 1) {
                    violations.add("duplicated " + times + " times: " + tuple);
                }
            });
        }
    }

    /**
     * 24 rules (30 in B) in 12 policies, each due every 1, 2, 3 or 5 minutes; B sends a third of them to
     * other recipients and adds 6 rules to existing policies, so the two data sets have the same policy
     * ids (no MASS_REMOVAL either way) and dispatch different tuples.
     */
    private static List<ObjectNode> rules(String dataSet) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        List<ObjectNode> rules = new ArrayList<>();
        int count = dataSet.equals("A") ? 24 : 30;
        for (int i = 0; i < count; i++) {
            String domain = dataSet.equals("B") && i % 3 == 0 ? "b.example" : "a.example";
            ObjectNode spec = f.objectNode().put("kind", "simple").put("channel", "email").put("priority", 1 + i % 2)
                    .put("schedule", SCHEDULES.get(i % 4));
            spec.putArray("recipients").add("r" + i + "@" + domain);
            ObjectNode rule = f.objectNode().put("id", "rule-" + i).put("tenant", "t" + i % 3).put("version", 1)
                    .put("enabled", true);
            rule.set("spec", spec);
            rules.add(rule);
        }
        return rules;
    }

    /** The policies the rules make (DESIGN.md §5 rule 11), computed here: one per key, recipients united. */
    private static List<ReferencePolicy> reference(List<ObjectNode> rules) {
        Map<List<Object>, SortedSet<String>> groups = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
        for (ObjectNode rule : rules) {
            JsonNode spec = rule.get("spec");
            List<Object> key = List.of(rule.get("tenant").asText(), spec.get("channel").asText(), spec.get("priority").asInt(),
                    spec.get("schedule").asText());
            spec.get("recipients").forEach(r -> groups.computeIfAbsent(key, k -> new TreeSet<>()).add(r.asText()));
        }
        List<ReferencePolicy> policies = new ArrayList<>();
        groups.forEach((key, recipients) -> policies.add(new ReferencePolicy((String) key.get(0), (String) key.get(1),
                (Integer) key.get(2), (String) key.get(3), "UTC", List.copyOf(recipients))));
        return policies;
    }
}

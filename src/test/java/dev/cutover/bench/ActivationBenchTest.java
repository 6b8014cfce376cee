package dev.cutover.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.cutover.framework.activate.GenerationSwitch;
import dev.cutover.framework.run.Sql;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The activation critical section (the transaction that switches the executing generation) with
 * 1,000 and 100,000 staged policies: it must not grow with the model. Prints medians and their
 * ratio; asserts nothing about time. Runs only with {@code ./mvnw -B -Pbench verify}.
 */
@QuarkusTest
@Tag("bench")
class ActivationBenchTest {

    private static final String MIGRATION = "bench-activation";
    private static final int ROUNDS = 41;

    @Inject
    GenerationSwitch generations;

    @Inject
    DataSource dataSource;

    @Test
    void activationCriticalSectionDoesNotGrowWithThePolicies() {
        double small = median(stageAndMeasure(900_001L, 1_000));
        double large = median(stageAndMeasure(900_002L, 100_000));
        System.out.printf("activation critical section, median of %d: 1k policies %.2f ms, 100k policies %.2f ms, ratio %.2f%n",
                ROUNDS, small, large, large / small);
    }

    private List<Double> stageAndMeasure(long runId, int policies) {
        QuarkusTransaction.requiringNew().run(() -> Sql.update(dataSource, """
                insert into target_entity (run_id, entity_id, ordinal, body)
                select ?, 'pol_' || lpad(i::text, 32, '0'), i,
                       '{"tenant":"t' || (i % 500) || '","channel":"email","priority":3,"schedule":"0 9 * * 1,2,3,4,5",'
                       || '"timezone":"UTC","recipients":["u' || i || '@example.org"]}'
                from generate_series(1, ?) i on conflict do nothing""", runId, policies));
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            QuarkusTransaction.requiringNew().run(() -> generations.activate(MIGRATION, runId, "sha256:bench", "policies", 0));
            millis.add((System.nanoTime() - start) / 1e6);
            QuarkusTransaction.requiringNew().run(() -> generations.rollback(MIGRATION));
        }
        return millis.subList(5, millis.size()); // the first rounds warm the JIT and the connection pool
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}

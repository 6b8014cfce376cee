package dev.cutover.bench;

import java.io.Reader;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

import dev.cutover.framework.activate.GenerationSwitch;
import dev.cutover.framework.run.Sql;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The activation critical section (the transaction that switches the executing generation) with
 * 1,000, 100,000 and 1,000,000 staged policies: it must not grow with the model (issue 9: at 1M at
 * most 2x its time at 1k, and under 50 ms). The policies are loaded with {@code COPY} from rows made
 * as they are read (bounded memory). Prints medians, their ratios and PASS/MISS; asserts nothing about
 * time. Runs only with {@code ./mvnw -B -Pbench verify}.
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
        double million = median(stageAndMeasure(900_003L, 1_000_000));
        System.out.printf(Locale.ROOT, "activation critical section, median of %d: 1k policies %.2f ms, 100k policies %.2f ms,"
                + " 1M policies %.2f ms, ratio 100k/1k %.2f, ratio 1M/1k %.2f%n", ROUNDS, small, large, million,
                large / small, million / small);
        System.out.printf(Locale.ROOT, "activation target 1M <= 2 x 1k: %.2f ms / %.2f ms = %.2f %s; 1M < 50 ms: %.2f ms %s%n",
                million, small, million / small, million / small <= 2 ? "PASS" : "MISS", million,
                million < 50 ? "PASS" : "MISS");
    }

    private List<Double> stageAndMeasure(long runId, int policies) {
        long begin = System.nanoTime();
        try (Connection db = dataSource.getConnection()) {
            db.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "copy target_entity (run_id, entity_id, ordinal, body) from stdin", new Rows(runId, policies));
        } catch (Exception e) {
            throw new IllegalStateException("cannot stage " + policies + " policies", e);
        }
        System.out.printf(Locale.ROOT, "activation bench: %,d policies staged by COPY in %.1f s%n", policies,
                (System.nanoTime() - begin) / 1e9);
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            QuarkusTransaction.requiringNew().run(() -> generations.activate(MIGRATION, runId, "sha256:bench", "policies", 0));
            millis.add((System.nanoTime() - start) / 1e6);
            QuarkusTransaction.requiringNew().run(() -> generations.rollback(MIGRATION));
        }
        return millis.subList(5, millis.size()); // the first rounds warm the JIT and the connection pool
    }

    /** The rows of {@code policies} staged policies in COPY's text format, made as they are read. */
    private static final class Rows extends Reader {
        private final long runId;
        private final int policies;
        private int next = 1;
        private String row = "";
        private int at;

        Rows(long runId, int policies) {
            this.runId = runId;
            this.policies = policies;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            if (at == row.length()) {
                if (next > policies) {
                    return -1;
                }
                int i = next++;
                row = runId + "\t" + String.format(Locale.ROOT, "pol_%032d", i) + "\t" + i + "\t{\"tenant\":\"t" + (i % 500)
                        + "\",\"channel\":\"email\",\"priority\":3,\"schedule\":\"0 9 * * 1,2,3,4,5\",\"timezone\":\"UTC\","
                        + "\"recipients\":[\"u" + i + "@example.org\"]}\n";
                at = 0;
            }
            int n = Math.min(length, row.length() - at);
            row.getChars(at, at + n, buffer, offset);
            at += n;
            return n;
        }

        @Override
        public void close() {
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}

package dev.cutover.support.proof;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

import dev.cutover.support.proof.ProofFigures.Figure;

/**
 * Prints the proof suite's one summary table when a test JVM ends (registered through
 * {@code META-INF/services}): each {@link Figure} per migration, summed over every part recorded in
 * {@code target/proof/} (the unit tests' and the integration tests'). The unit-test JVM, first in a build,
 * clears every part; the integration-test JVM clears its own: figures of an earlier build are never counted.
 */
public class ProofSummary implements TestExecutionListener {

    /** The part of the JVM that runs first in a build (surefire's). */
    private static final String FIRST_PART = "tests";

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        // the unit tests run first in a build: every part of an earlier build goes, the integration
        // tests' too; the integration tests (after them) drop only their own part
        try (Stream<Path> parts = Files.isDirectory(ProofFigures.DIRECTORY) ? Files.list(ProofFigures.DIRECTORY) : Stream.empty()) {
            for (Path part : parts.toList()) {
                if (part.equals(ProofFigures.partFile()) || FIRST_PART.equals(System.getProperty("proof.part", FIRST_PART))) {
                    Files.deleteIfExists(part);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the proof figures of an earlier build in " + ProofFigures.DIRECTORY, e);
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        Map<String, Map<Figure, Long>> byMigration = new TreeMap<>();
        try (Stream<Path> parts = Files.list(ProofFigures.DIRECTORY)) {
            for (Path part : parts.filter(p -> p.toString().endsWith(".tsv")).sorted().toList()) {
                for (String line : Files.readAllLines(part)) {
                    String[] f = line.split("\t");
                    if (f.length == 3) {
                        byMigration.computeIfAbsent(f[1], m -> new TreeMap<>()).merge(Figure.valueOf(f[0]), Long.parseLong(f[2]),
                                Long::sum);
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return; // no figure recorded in this build
        }
        if (!byMigration.isEmpty()) {
            System.out.println(table(byMigration));
        }
    }

    static String table(Map<String, Map<Figure, Long>> byMigration) {
        StringBuilder out = new StringBuilder("\nProof suite (").append(ProofFigures.soak() ? "soak" : "ci").append(")\n");
        out.append(String.format("%-24s", "figure"));
        byMigration.keySet().forEach(m -> out.append(String.format("%24s", m)));
        out.append(String.format("%12s%n", "total"));
        for (Figure figure : Figure.values()) {
            out.append(String.format("%-24s", figure.label()));
            long total = 0;
            for (Map<Figure, Long> figures : byMigration.values()) {
                long n = figures.getOrDefault(figure, 0L);
                total += n;
                out.append(String.format("%24d", n));
            }
            out.append(String.format("%12d%n", total));
        }
        return out.toString();
    }
}

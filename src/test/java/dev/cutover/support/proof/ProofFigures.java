package dev.cutover.support.proof;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The proof suite's figures (issue 11): each guarantee test adds what it checked (a scenario passed, a
 * kill point survived, a fault injected, a live decision checked, a violation found) and
 * {@link ProofSummary} prints one table when the test JVM ends. Figures are appended as lines to
 * {@code target/proof/<part>.tsv}, where {@code <part>} is the {@code proof.part} system property
 * ({@code tests} under surefire, {@code it} under failsafe), so the table printed after the
 * integration tests sums both parts of one {@code ./mvnw verify}.
 *
 * <p>A test adds its violations <em>before</em> it asserts on them, so a failing guarantee shows in the
 * table as well as in the test's failure.
 */
public final class ProofFigures {

    /** What a figure counts. */
    public enum Figure {
        SCENARIOS_PASSED("scenarios passed"),
        KILL_POINTS_SURVIVED("kill points survived"),
        FAULTS_INJECTED("faults injected"),
        LIVE_CYCLES("live cutover cycles"),
        LIVE_DECISIONS_CHECKED("live decisions checked"),
        VIOLATIONS("violations");

        final String label;

        Figure(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    static final Path DIRECTORY = Path.of("target", "proof");

    private ProofFigures() {
    }

    /**
     * Adds {@code count} to {@code figure} for {@code migration} (a migration name, or {@code framework}).
     * Thread-safe and process-safe: one short append per call.
     */
    public static synchronized void add(Figure figure, String migration, long count) {
        String line = figure.name() + "\t" + migration + "\t" + count + "\n";
        try {
            Files.createDirectories(DIRECTORY);
            Files.writeString(partFile(), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record a proof figure in " + partFile(), e);
        }
    }

    /** @return true under the soak profile ({@code ./mvnw -B -Psoak verify}): more kill points, more cycles */
    public static boolean soak() {
        return Boolean.getBoolean("proof.soak");
    }

    /** @return {@code ci} normally, {@code soak} under the soak profile */
    public static int scaled(int ci, int soak) {
        return soak() ? soak : ci;
    }

    static Path partFile() {
        return DIRECTORY.resolve(System.getProperty("proof.part", "tests") + ".tsv");
    }
}

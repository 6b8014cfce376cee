package dev.cutover.support.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.cutover.support.proof.ProofFigures.Figure;

class ProofSummaryTest {

    @Test
    void theTableHasEveryFigureForEveryMigrationAndTheirTotal() {
        Map<String, Map<Figure, Long>> figures = new TreeMap<>();
        figures.computeIfAbsent("rate-limits-v2", m -> new EnumMap<>(Figure.class)).put(Figure.SCENARIOS_PASSED, 41L);
        figures.computeIfAbsent("notification-rules-v2", m -> new EnumMap<>(Figure.class)).put(Figure.SCENARIOS_PASSED, 43L);
        figures.get("notification-rules-v2").put(Figure.KILL_POINTS_SURVIVED, 50L);

        String table = ProofSummary.table(figures);

        assertThat(table).contains("notification-rules-v2", "rate-limits-v2");
        assertThat(table.lines().filter(l -> l.startsWith("scenarios passed")).findFirst().orElseThrow())
                .matches("scenarios passed\\s+43\\s+41\\s+84");
        assertThat(table.lines().filter(l -> l.startsWith("violations")).findFirst().orElseThrow())
                .matches("violations\\s+0\\s+0\\s+0");
        assertThat(table.lines().filter(l -> l.startsWith("kill points survived")).findFirst().orElseThrow())
                .matches("kill points survived\\s+50\\s+0\\s+50");
    }
}

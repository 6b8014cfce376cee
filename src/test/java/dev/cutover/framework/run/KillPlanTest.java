package dev.cutover.framework.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class KillPlanTest {

    private static final String TRACE = """
            01:02:03 INFO  execution 1 started
            probe: reached job-before-bind #1
            probe: reached job-after-bind #1
            probe: reached retrieve-begin #1
            probe: reached retrieve-chunk-write #1
            probe: reached retrieve-chunk-write #2
            probe: reached retrieve-chunk-end #1
            probe: reached retrieve-chunk-committed #1
            probe: reached retrieve-chunk-end #2
            probe: reached retrieve-chunk-committed #2
            probe: reached retrieve-end #1
            probe: reached stage-begin #1
            probe: reached stage-chunk-end #1
            probe: reached stage-end #1
            probe: reached validate #1
            probe: reached activate-begin #1
            probe: reached activate-before-commit #1
            probe: reached activate-after-commit #1
            probe: reached activate-end #1
            probe: reached job-before-release #1
            probe: reached job-after-release #1
            """;

    @Test
    void theUniverseIsEveryPointReportedWithItsHighestOccurrence() {
        Map<String, Long> universe = KillPlan.universe(TRACE);
        assertThat(universe).containsEntry("retrieve-chunk-write", 2L).containsEntry("activate-before-commit", 1L)
                .hasSize(17);
    }

    @Test
    void everyPointIsKilledOnceAndEachChainRunsForwardOnly() {
        Map<String, Long> universe = KillPlan.universe(TRACE);
        List<List<KillPlan.Point>> chains = KillPlan.chains(universe, 20, new Random(7));

        List<KillPlan.Point> all = chains.stream().flatMap(List::stream).toList();
        assertThat(all).hasSize(20).doesNotHaveDuplicates();
        assertThat(new HashSet<>(all.stream().map(KillPlan.Point::name).toList())).isEqualTo(universe.keySet());
        all.forEach(p -> assertThat(p.occurrence()).isBetween(1L, universe.get(p.name())));
        for (List<KillPlan.Point> chain : chains) {
            for (int i = 1; i < chain.size(); i++) {
                assertThat(KillPlan.phase(chain.get(i).name())).as(chain.toString())
                        .isGreaterThan(KillPlan.phase(chain.get(i - 1).name()));
                if (chain.get(i - 1).name().equals("activate-after-commit")) {
                    // once switched, a restart ends at the gate: only the execution's end can follow
                    assertThat(chain.get(i).name()).startsWith("job-");
                }
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameChains() {
        Map<String, Long> universe = KillPlan.universe(TRACE);
        assertThat(KillPlan.chains(universe, 25, new Random(42))).isEqualTo(KillPlan.chains(universe, 25, new Random(42)));
    }

    @Test
    void fewerKillsThanPointsStillKillAtEveryPoint() {
        Map<String, Long> universe = new TreeMap<>(KillPlan.universe(TRACE));
        assertThat(KillPlan.chains(universe, 3, new Random(1)).stream().mapToInt(List::size).sum()).isEqualTo(universe.size());
    }

    @Test
    void aPointWithoutAPhaseIsNamed() {
        assertThatThrownBy(() -> KillPlan.phase("somewhere-new")).hasMessageContaining("'somewhere-new'");
        assertThat(KillPlan.phase("validate")).isBetween(KillPlan.phase("validate-begin"), KillPlan.phase("validate-end"));
        assertThat(KillPlan.phase("key-index-build")).isBetween(KillPlan.phase("activate-begin"),
                KillPlan.phase("activate-before-commit"));
        assertThat(KillPlan.phase("plan-key-index-build")).isStrictlyBetween(KillPlan.phase("plan-begin"),
                KillPlan.phase("plan-end"));
    }
}

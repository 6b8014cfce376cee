package dev.cutover.ops.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.cutover.support.Api;
import dev.cutover.support.Cli;
import dev.cutover.support.Cli.Result;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Pages, listed items and records are told apart: the demo's sources list superseded copies (more
 * items than ids) and items without a usable id (records in no source's total).
 */
@QuarkusTest
class ProgressUnitsTest {

    @Test
    void theApiShowsPagesListedItemsAndRecordsOfTheTotalAndNeverMoreThan100Percent() {
        JsonPath planned = Api.awaitEnd(Api.start("plan", Map.of("demo", true)));
        assertThat(planned.getString("exitStatus")).isEqualTo("PLANNED");
        List<Map<String, Object>> sources = planned.getList("progress.sources");
        assertThat(sources).hasSize(3);
        for (Map<String, Object> s : sources) {
            long listed = ((Number) s.get("listedItems")).longValue();
            long records = ((Number) s.get("records")).longValue();
            long total = ((Number) s.get("totalRecords")).longValue();
            assertThat(records).as("%s: distinct ids, the unit of the total", s).isEqualTo(total);
            assertThat(listed).as("%s: copies listed too", s).isGreaterThan(records);
            assertThat(((Number) s.get("pages")).longValue()).isPositive().isLessThan(listed);
            assertThat(((Number) s.get("percent")).doubleValue()).isEqualTo(100.0);
        }
        long records = planned.getLong("progress.records");
        assertThat(records).isEqualTo(planned.getLong("progress.totalRecords"))
                .isEqualTo(sources.stream().mapToLong(s -> ((Number) s.get("records")).longValue()).sum());
        assertThat(planned.getLong("progress.listedItems")).isGreaterThan(records);
        assertThat(planned.getDouble("progress.percent")).isEqualTo(100.0);
        // the steps' JBeret counts say their unit: retrieve reads pages, normalize records
        assertThat(planned.getString("steps.find { it.name == 'retrieve' }.unit")).isEqualTo("pages");
        assertThat(planned.getLong("steps.find { it.name == 'retrieve' }.readCount")).isEqualTo(planned.getLong("progress.pages"));
        assertThat(planned.getString("steps.find { it.name == 'normalize' }.unit")).isEqualTo("records");
        assertThat(planned.getString("steps.find { it.name == 'plan' }.unit")).isNull();
        assertThat(planned.getList("progress.phases.phase", String.class)).containsExactly("retrieve", "normalize", "plan");
        assertThat(planned.getString("progress.phases.find { it.phase == 'normalize' }.unit")).isEqualTo("records");
        assertThat(planned.getDouble("progress.phases.find { it.phase == 'normalize' }.percent")).isEqualTo(100.0);
    }

    @Test
    void theSummaryExplainsRecordsAgainstTheSourcesTotals() {
        Result r = Cli.run("plan", "notification-rules-v2", "--demo", "--no-resume");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        // the demo lists 3 sources of 1328, 1328 and 1329 distinct ids, and 5 items without a usable id
        assertThat(r.out()).contains("records   3990 fetched = ")
                .contains("3990 records = 3985 distinct ids (what the sources' totals count) + 5 items without a usable id");
    }
}

package dev.cutover.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import dev.cutover.framework.toolkit.LegacyJson;
import dev.cutover.support.Cli;
import dev.cutover.support.proof.ProofFigures;
import dev.cutover.support.proof.ProofFigures.Figure;

/**
 * The {@code expect} of one {@code case.json} (format: {@code scenarios/README.md}) and the checks
 * every case gets: the exit code, the plan report (counts, skipped, anomaly records, plan anomalies,
 * which default to none, so an unexpected anomaly fails the case), the export, and the texts the
 * command must print. A report is always checked for the invariant that no record is dropped.
 */
final class Expectation {

    private final String name;
    private final String migration;
    private final JsonNode expect;

    Expectation(String name, String migration, JsonNode expect) {
        if (!expect.path("exit").isInt()) {
            throw new IllegalArgumentException(name + ": expect.exit (the exit code) is required");
        }
        this.name = name;
        this.migration = migration;
        this.expect = expect;
    }

    int exit() {
        return expect.get("exit").asInt();
    }

    void check(Cli.Result result, JsonNode report, Path dir, Supplier<Cli.Result> export) throws IOException {
        assertThat(result.exitCode()).as(name + ": exit code of\n" + result).isEqualTo(exit());
        if (exit() == 1) {
            // a clear failure: the execution says it failed, and why (the case's texts name source and record)
            assertThat(result.err()).as(name + ": a failure is reported").containsPattern("execution \\d+ failed: \\S");
        }
        texts("stdout", result.out(), result);
        texts("stderr", result.err(), result);
        if (report != null) {
            invariant(report);
            report(report);
        } else {
            for (String part : List.of("counts", "skipped", "anomalies", "planAnomalies")) {
                assertThat(expect.has(part)).as(name + ": expects '" + part + "' but no plan report was written:\n" + result)
                        .isFalse();
            }
        }
        if (expect.has("export") || expect.has("exportSizes")) {
            Cli.Result exported = export.get();
            assertThat(exported.exitCode()).as(name + ": export\n" + exported).isZero();
            exported(LegacyJson.MAPPER.readTree(exported.out()), dir);
        }
    }

    /** Nothing dropped silently: every fetched record has one outcome, and every one counted is listed. */
    private void invariant(JsonNode report) {
        JsonNode counts = report.get("counts");
        long fetched = counts.get("fetched").asLong();
        long outcomes = counts.get("migrated").asLong() + counts.get("skipped").asLong() + counts.get("anomalies").asLong();
        long skipped = sum(report.get("skipped"));
        long anomalies = sum(report.get("anomalies"));
        long listed = report.get("anomalyRecords").size();
        boolean holds = fetched == outcomes && skipped == counts.get("skipped").asLong()
                && anomalies == counts.get("anomalies").asLong() && listed == anomalies;
        if (!holds) {
            ProofFigures.add(Figure.VIOLATIONS, migration, 1);
        }
        assertThat(holds).as(name + ": fetched = migrated + skipped + anomalies, maps sum to their counts, every anomaly "
                + "listed; counts " + counts + ", skipped " + report.get("skipped") + ", anomalies " + report.get("anomalies")
                + ", " + listed + " anomaly records").isTrue();
    }

    private void report(JsonNode report) {
        if (expect.has("counts")) {
            expect.get("counts").fields().forEachRemaining(count -> assertThat(report.get("counts").path(count.getKey()))
                    .as(name + ": counts." + count.getKey() + " in " + report.get("counts")).isEqualTo(count.getValue()));
        }
        assertThat(report.get("skipped")).as(name + ": skipped").isEqualTo(expect.path("skipped").isMissingNode()
                ? JsonNodeFactory.instance.objectNode() : expect.get("skipped"));
        matches("anomalies", report.get("anomalyRecords"));
        matches("planAnomalies", report.get("planAnomalies"));
    }

    /**
     * Every listed entry is matched by one expected entry and the other way round; an expected entry
     * gives the fields it checks ({@code detail} may be left out, {@code "id": null} checks for none).
     */
    private void matches(String part, JsonNode actual) {
        List<JsonNode> unmatched = new ArrayList<>();
        actual.forEach(unmatched::add);
        List<JsonNode> missing = new ArrayList<>();
        for (JsonNode wanted : expect.path(part)) {
            boolean found = false;
            for (Iterator<JsonNode> it = unmatched.iterator(); it.hasNext();) {
                if (fieldsMatch(wanted, it.next())) {
                    it.remove();
                    found = true;
                    break;
                }
            }
            if (!found) {
                missing.add(wanted);
            }
        }
        assertThat(missing).as(name + ": expected " + part + " not in the report; listed: " + actual).isEmpty();
        assertThat(unmatched).as(name + ": " + part + " listed but not expected").isEmpty();
    }

    private static boolean fieldsMatch(JsonNode wanted, JsonNode actual) {
        for (Iterator<Map.Entry<String, JsonNode>> it = wanted.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = actual.get(field.getKey());
            boolean equal = field.getValue().isNull() ? value == null || value.isNull() : field.getValue().equals(value);
            if (!equal) {
                return false;
            }
        }
        return true;
    }

    private void exported(JsonNode export, Path dir) throws IOException {
        JsonNode spec = expect.path("export");
        if (spec.asText().equals("refused")) {
            assertThat(export.get("generation").asLong()).as(name + ": refused, so legacy still executes: " + export).isZero();
        } else if (spec.isTextual()) {
            JsonNode wanted = LegacyJson.MAPPER.readTree(dir.resolve(spec.asText()).toFile());
            assertThat(export.get("generation").asLong()).as(name + ": a generation executes").isPositive();
            wanted.fields().forEachRemaining(field -> assertThat(export.get(field.getKey()))
                    .as(name + ": export's " + field.getKey()).isEqualTo(field.getValue()));
        }
        Map<String, Integer> sizes = new TreeMap<>();
        expect.path("exportSizes").fields().forEachRemaining(e -> sizes.put(e.getKey(), e.getValue().asInt()));
        sizes.forEach((pointer, size) -> {
            JsonNode at = export.at(pointer);
            assertThat(at.isTextual() ? at.textValue().length() : at.size()).as(name + ": size of export " + pointer)
                    .isEqualTo(size);
        });
    }

    private void texts(String stream, String printed, Cli.Result result) {
        for (JsonNode text : expect.path(stream)) {
            assertThat(printed).as(name + ": " + stream + " of\n" + result).contains(text.asText());
        }
    }

    private static long sum(JsonNode map) {
        long sum = 0;
        for (JsonNode value : map) {
            sum += value.asLong();
        }
        return sum;
    }
}

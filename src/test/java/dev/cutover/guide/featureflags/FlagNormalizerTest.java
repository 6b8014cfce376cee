package dev.cutover.guide.featureflags;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import dev.cutover.framework.migration.Normalized;
import dev.cutover.framework.migration.RawItem;

/** The example's normalizer as a pure function: listed copies in, one outcome out (no Quarkus, no database). */
class FlagNormalizerTest {

    private final FlagNormalizer normalizer = new FlagNormalizer();

    @Test
    void everySpellingOfOnAndOffBecomesALeaf() {
        Normalized<FlagLeaf> outcome = normalize("""
                {"id": "a@prod", "version": 1, "app": " a ", "env": "PROD",
                 "flags": {"x": "ON", "y": 0, "z": " disabled ", "w": true}}""");
        assertThat(outcome.leaves()).containsExactly(new FlagLeaf("a", "prod", "x", true), new FlagLeaf("a", "prod", "y", false),
                new FlagLeaf("a", "prod", "z", false), new FlagLeaf("a", "prod", "w", true));
    }

    @Test
    void theFirstCodeInPrecedenceOrderDecides() {
        // an unknown state and a flags value of the wrong type: MALFORMED_RECORD is declared first
        assertThat(normalize("""
                {"id": "a@prod", "version": 1, "app": "a", "env": "prod", "flags": {"x": 2, "y": [1]}}""").toString())
                .isEqualTo("ANOMALY MALFORMED_RECORD: flags.y: expected a state, got array");
        assertThat(normalize("""
                {"id": "a@prod", "version": 1, "app": "a", "env": null, "flags": {"x": 2}}""").toString())
                .isEqualTo("ANOMALY MISSING_FIELD: env is missing");
    }

    @Test
    void theHighestVersionStandsAndDifferentCopiesAtItAreMalformed() {
        String v1 = """
                {"id": "a@prod", "version": 1, "app": "a", "env": "prod", "flags": {"x": "off"}}""";
        String v2 = """
                {"id": "a@prod", "version": 2, "app": "a", "env": "prod", "flags": {"x": "on"}}""";
        String v2other = """
                {"id": "a@prod", "version": 2, "app": "a", "env": "prod", "flags": {"x": "off"}}""";
        assertThat(normalize(v1, v2).leaves()).containsExactly(new FlagLeaf("a", "prod", "x", true));
        assertThat(normalize(v2, v1, v2other).toString()).isEqualTo("ANOMALY MALFORMED_RECORD: different copies at version 2");
    }

    @Test
    void anEmptyFlagsObjectIsSkipped() {
        assertThat(normalize("""
                {"id": "a@prod", "version": 1, "app": "a", "env": "prod", "flags": {}}""").toString())
                .isEqualTo("SKIPPED NO_FLAGS: flags is empty");
    }

    private Normalized<FlagLeaf> normalize(String... copies) {
        int[] index = { 0 };
        return normalizer.normalize(Arrays.stream(copies).map(json -> new RawItem("eu-1", index[0]++, "a@prod", json)).toList());
    }
}

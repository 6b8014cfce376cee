package dev.cutover.framework.plan;

import java.io.IOException;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import dev.cutover.framework.toolkit.Sha256;

/**
 * {@code sha256:} over the canonical serialization of what describes the data of a plan (sources'
 * names, totals and fetched counts, counts, maps, anomaly records, the plan anomalies found in the
 * data, planned target model) and nothing that describes the run (execution id, mode, times,
 * concurrency, page sizes, watermarks) or what executes when it is planned ({@code MASS_REMOVAL}).
 * Canonical: compact JSON, object properties and map keys sorted. Taken as the JSON is written, so the
 * anomalous records are read once and never held.
 */
public final class PlanDigest {

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private PlanDigest() {
    }

    /** Matches a well-formed digest: {@code sha256:} and 64 lower-case hex digits. */
    public static boolean isWellFormed(String digest) {
        return digest != null && digest.matches("sha256:[0-9a-f]{64}");
    }

    static String of(PlanReport.DigestContent content) {
        try {
            return "sha256:" + Sha256.hex(out -> CANONICAL.writeValue(out, content));
        } catch (IOException e) {
            throw new IllegalStateException("cannot compute the plan digest", e);
        }
    }
}

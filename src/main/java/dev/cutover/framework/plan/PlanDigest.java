package dev.cutover.framework.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * {@code sha256:} over the canonical serialization of what describes the data of a plan (sources'
 * names, totals and fetched counts, counts, maps, anomaly records, the plan anomalies found in the
 * data, planned target model) and nothing that describes the run (execution id, mode, times,
 * concurrency, page sizes, watermarks) or what executes when it is planned ({@code MASS_REMOVAL}).
 * Canonical: compact JSON, object properties and map keys sorted.
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
            byte[] canonical = CANONICAL.writeValueAsBytes(content);
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot compute the plan digest", e);
        }
    }

    /** @return the lower-case hex of the SHA-256 of the UTF-8 text (for ids and record keys derived from data) */
    public static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

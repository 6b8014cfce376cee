package dev.cutover.ops.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonAnySetter;

/**
 * The body of {@code POST /api/migrations/{migration}/plan} and {@code .../apply}; every field is
 * optional. A field Cutover does not know is refused (400) rather than ignored, so that a misspelt
 * {@code concurency} does not silently run with the default.
 */
@Schema(description = "How to run a plan or an apply; every field is optional.")
public class RunRequest {

    @Schema(description = "Source name -> base URL; replaces the configured sources (cutover.migrations.<migration>.sources.NAME.url).",
            examples = "{\"eu-1\": \"https://rules.eu.example/\"}")
    public Map<String, String> sources;

    @Schema(description = "Most requests in flight to all sources together, 1..64 (default cutover.concurrency, 4).",
            minimum = "1", maximum = "64")
    public Integer concurrency;

    @Schema(description = "Anomaly codes accepted, so they do not block an apply.", examples = "[\"INVALID_CRON\"]")
    public List<String> accept;

    @Schema(description = "Apply only: the digest of the reviewed plan; the apply refuses if the plan computed now differs.",
            pattern = "sha256:[0-9a-f]{64}")
    public String planDigest;

    @Schema(description = "Read the built-in demo data set (3 sources served on loopback) instead of sources.")
    public Boolean demo;

    // not a field of the body: what it holds is refused, so the API's schema does not list it
    @Schema(hidden = true)
    private final Map<String, Object> unknown = new LinkedHashMap<>();

    @JsonAnySetter
    void unknown(String name, Object value) {
        unknown.put(name, value);
    }

    /** @return the first field of the body that is none of the above */
    public Optional<String> unknownField() {
        return unknown.keySet().stream().findFirst();
    }

    boolean demo() {
        return Boolean.TRUE.equals(demo);
    }
}

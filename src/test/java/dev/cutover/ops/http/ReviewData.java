package dev.cutover.ops.http;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.cutover.support.TestSources;

/**
 * A small legacy data set for the review page: 40 valid rules of source {@code r1} (40 policies, one
 * member each), 12 disabled ones ({@code SKIPPED}), one of them with an id holding markup and one with
 * an id holding a right-to-left override, and 3 with
 * a schedule that is not a cron ({@code INVALID_CRON}).
 */
final class ReviewData {

    static final String SOURCE = "r1";
    static final String MARKUP_ID = "<script>alert('id')</script>";
    /** Reads as {@code r1-txt.exe} where bidirectional overrides are obeyed. */
    static final String OVERRIDE_ID = "r1-\u202Eexe.txt";
    static final int POLICIES = 40;
    static final int SKIPPED = 12;
    static final int ANOMALIES = 3;

    private ReviewData() {
    }

    static TestSources serve() {
        return TestSources.serving(SOURCE, rules(), 100);
    }

    static List<JsonNode> rules() {
        List<JsonNode> rules = new ArrayList<>(TestSources.rules(SOURCE, POLICIES));
        for (int i = 0; i < SKIPPED; i++) {
            ObjectNode disabled = rules.get(i).deepCopy();
            disabled.put("id", i == 0 ? MARKUP_ID : i == 1 ? OVERRIDE_ID : SOURCE + "-off" + i).put("enabled", false);
            rules.add(disabled);
        }
        for (int i = 0; i < ANOMALIES; i++) {
            ObjectNode bad = rules.get(i).deepCopy();
            bad.put("id", SOURCE + "-bad" + i);
            ((ObjectNode) bad.get("spec")).put("schedule", "61 * * * " + i);
            rules.add(bad);
        }
        return rules;
    }
}

package dev.cutover.migrations.notifications;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One problem found in a legacy record: its anomaly code and a deterministic, human-readable detail
 * that names the JSON path and what is wrong. The factories keep the wording uniform.
 */
record Finding(AnomalyCode code, String detail) {

    static Finding missing(NodePath path) {
        return new Finding(AnomalyCode.MISSING_FIELD, path + " is missing");
    }

    /**
     * @param expected what a rule reads there, e.g. {@code a string}; when {@code actual} is a string
     *                 refused only for its U+0000 ({@link Text#isString}), the detail says so
     */
    static Finding wrongType(NodePath path, String expected, JsonNode actual) {
        String wanted = Text.holdsNul(actual) ? expected + " without U+0000 (NUL)" : expected;
        return new Finding(AnomalyCode.MALFORMED_RECORD,
                path + ": expected " + wanted + ", got " + JsonDescriptions.describe(actual));
    }

    static Finding invalid(AnomalyCode code, NodePath path, String what) {
        return new Finding(code, path + ": " + what);
    }
}

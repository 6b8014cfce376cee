package dev.cutover.guide.featureflags;

/**
 * The record anomaly codes of {@code feature-flags-v2}, declared in the order that decides a record's
 * one code when it has several problems ({@link dev.cutover.framework.toolkit.Findings} keeps the
 * lowest ordinal).
 */
public enum AnomalyCode {
    /** An item that is not an object, a field of the wrong JSON type, a blank or repeated flag name. */
    MALFORMED_RECORD,
    /** {@code id}, {@code version}, {@code app}, {@code env} or {@code flags} absent (or blank). */
    MISSING_FIELD,
    /** A flag whose value is none of the spellings {@link FlagState} knows. */
    UNKNOWN_STATE
}

package dev.cutover.migrations.ratelimits.normalize;

/**
 * The record anomaly codes of {@code rate-limits-v2}, declared in the order that decides a record's
 * one code: when several apply, the one with the lowest {@link #ordinal()} is reported (through
 * {@link dev.cutover.framework.toolkit.Findings}). The constant names are the exact strings the plan
 * report counts and {@code --accept} names.
 */
public enum RateAnomaly {
    /** Not an object; {@code key}, {@code value} or {@code modify_index} of the wrong JSON type; a string holding U+0000. */
    MALFORMED_RECORD,
    /** {@code key}, {@code modify_index} or {@code value} (or, in an object value, {@code rate} or {@code per}) absent or null. */
    MISSING_FIELD,
    /** A key outside the layout {@code ratelimits/<service>[/routes/<route>[/tiers/<tier>]]}, bad percent-encoding, bad service name. */
    MALFORMED_KEY,
    /** A tier other than {@code free}, {@code standard}, {@code premium}, {@code internal}. */
    UNKNOWN_TIER,
    /** A value that is no rate spelling Cutover reads. */
    INVALID_RATE,
    /** A rate of zero or below. */
    NON_POSITIVE_RATE,
    /** A burst that is not a positive integer. */
    INVALID_BURST,
    /** Copies of one key at its highest {@code modify_index} that differ as JSON values. */
    DUPLICATE_KEY
}

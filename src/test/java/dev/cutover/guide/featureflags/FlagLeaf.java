package dev.cutover.guide.featureflags;

/**
 * What the normalizer makes of one flag of one legacy record: the flag's state in one environment of
 * one app. App and flag are trimmed; env is trimmed and lower-cased.
 */
public record FlagLeaf(String app, String env, String flag, boolean enabled) {
}

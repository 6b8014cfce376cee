package dev.cutover.migrations.notifications;

/**
 * One normalized leaf together with the legacy record it came from; the input of both the grouping
 * (which policy it joins) and the behavior check (what the legacy record dispatches).
 *
 * @param record the legacy record
 * @param leaf   one of its valid leaves
 */
public record MigratedLeaf(MemberRef record, PolicyLeaf leaf) {
}

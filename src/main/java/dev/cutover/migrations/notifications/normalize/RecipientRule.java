package dev.cutover.migrations.notifications.normalize;

import dev.cutover.framework.toolkit.Finding;
import dev.cutover.framework.toolkit.Findings;
import dev.cutover.framework.toolkit.JsonDescriptions;
import dev.cutover.framework.toolkit.LegacyText;
import dev.cutover.framework.toolkit.NodePath;

import dev.cutover.framework.toolkit.CodePoints;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * DESIGN.md §5 rule 10: a non-empty array of strings, each trimmed and valid for the leaf's channel,
 * normalized per {@link Channel}, then deduplicated and sorted in code-point order ({@link CodePoints}).
 * Without a valid channel the per-channel check is impossible, so only the checks that do not need
 * it (array shape, string entries, emptiness) are made; the channel's own anomaly decides anyway.
 */
final class RecipientRule {

    private RecipientRule() {
    }

    /**
     * @param value   the present (non-null) recipients value
     * @param channel the leaf's channel, or empty when it is missing or invalid
     * @return the normalized recipients, or empty when any check failed (or the channel is unknown)
     */
    static Optional<List<String>> check(JsonNode value, Optional<Channel> channel, NodePath path,
            Findings<AnomalyCode> findings) {
        if (!value.isArray()) {
            findings.add(Finding.wrongType(AnomalyCode.MALFORMED_RECORD, path, "an array of strings", value));
            return Optional.empty();
        }
        if (value.isEmpty()) {
            findings.add(Finding.invalid(AnomalyCode.NO_RECIPIENTS, path, "no recipients"));
            return Optional.empty();
        }
        TreeSet<String> normalized = new TreeSet<>(CodePoints.ORDER);
        boolean valid = true;
        for (int i = 0; i < value.size(); i++) {
            JsonNode entry = value.get(i);
            NodePath entryPath = path.index(i);
            if (!LegacyText.isString(entry)) {
                findings.add(Finding.wrongType(AnomalyCode.MALFORMED_RECORD, entryPath, "a string", entry));
                valid = false;
                continue;
            }
            if (channel.isEmpty()) {
                continue;
            }
            Optional<String> recipient = channel.get().normalizeRecipient(LegacyText.trim(entry.textValue()));
            if (recipient.isPresent()) {
                normalized.add(recipient.get());
            } else {
                findings.add(Finding.invalid(AnomalyCode.INVALID_RECIPIENT, entryPath,
                        JsonDescriptions.value(entry) + " is not a valid " + channel.get().wireName() + " recipient"));
                valid = false;
            }
        }
        return valid && channel.isPresent() ? Optional.of(List.copyOf(normalized))
                : Optional.empty();
    }
}

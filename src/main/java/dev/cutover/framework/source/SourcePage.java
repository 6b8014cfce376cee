package dev.cutover.framework.source;

import java.util.List;

/**
 * One page of {@code GET /v1/rules} as the contract (DESIGN.md §4) defines it, already validated.
 *
 * @param items      the items, each exactly as listed (each may be anything: validation is normalization's job)
 * @param nextCursor the cursor of the next page, {@code null} on the last page; never empty and never
 *                   holding U+0000
 * @param total      distinct rule ids the source holds now
 * @param watermark  the source's change counter now
 */
public record SourcePage(List<SourceItem> items, String nextCursor, long total, long watermark) {
}

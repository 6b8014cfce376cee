package dev.cutover.framework.retrieve;

import dev.cutover.framework.source.SourcePage;

/** A page as the retrieve reader hands it to the writer: where it sits in the source's listing. */
public record FetchedPage(String source, int pageNo, String cursor, int firstIndex, SourcePage page) {
}

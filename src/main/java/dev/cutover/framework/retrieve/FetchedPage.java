package dev.cutover.framework.retrieve;

import dev.cutover.framework.source.SourcePage;

/**
 * A page as the retrieve reader hands it to the writer: where it sits in the source's listing, and the
 * distinct ids of the source fetched up to and including it (the unit of the source's total; -1 when
 * not known).
 */
public record FetchedPage(String source, int pageNo, String cursor, int firstIndex, SourcePage page, long distinctIds) {

    public FetchedPage(String source, int pageNo, String cursor, int firstIndex, SourcePage page) {
        this(source, pageNo, cursor, firstIndex, page, -1);
    }

    /** @return this page with the distinct ids of its source fetched up to and including it */
    public FetchedPage counted(long distinctIds) {
        return new FetchedPage(source, pageNo, cursor, firstIndex, page, distinctIds);
    }
}

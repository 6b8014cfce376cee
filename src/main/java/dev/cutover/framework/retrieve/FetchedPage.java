package dev.cutover.framework.retrieve;

import dev.cutover.framework.source.SourcePage;

/** A page as the retrieve reader hands it to the writer: where it sits in the source's listing. */
public record FetchedPage(String source, int pageNo, String cursor, int firstIndex, SourcePage page) {

    /** @return whether this is the source's last page ({@code next_cursor: null} alone ends a listing) */
    public boolean last() {
        return page.nextCursor() == null;
    }

    /** @return the items the source listed up to and including this page (copies of an id included) */
    public long listedThrough() {
        return (long) firstIndex + page.items().size();
    }
}

package dev.cutover.framework.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The order of members: source, then id (records without one last, by index), strings in code-point order. */
class MemberRefTest {

    @Test
    void membersSortBySourceThenIdWithRecordsWithoutIdLastByIndex() {
        List<MemberRef> sorted = new ArrayList<>(List.of(new MemberRef("eu", null, 10), new MemberRef("us", "a", null),
                new MemberRef("eu", "b", 4), new MemberRef("eu", null, 2), new MemberRef("eu", "a", null),
                new MemberRef("eu", "\uD83D\uDE00", null), new MemberRef("eu", "\uFFFF", null)));
        sorted.sort(null);
        // U+1F600 (a surrogate pair in UTF-16) after U+FFFF in code-point order
        assertThat(sorted).containsExactly(new MemberRef("eu", "a", null), new MemberRef("eu", "b", null),
                new MemberRef("eu", "\uFFFF", null), new MemberRef("eu", "\uD83D\uDE00", null), new MemberRef("eu", null, 2),
                new MemberRef("eu", null, 10), new MemberRef("us", "a", null));
    }
}

package dev.cutover.migrations.notifications;

import java.util.Comparator;

/**
 * Orders strings by their Unicode code points, the order DESIGN.md fixes for everything sorted in
 * the plan and the export.
 *
 * <p>{@link String#compareTo} is not that order: it compares UTF-16 units, so a character above
 * U+FFFF (stored as a surrogate pair starting at U+D800..U+DBFF) sorts before U+E000..U+FFFF, e.g.
 * {@code "𝔸"} (U+1D538) before {@code "Ａ"} (U+FF21). A lone surrogate counts as its own value, so
 * the order is total and consistent with {@link String#equals} for every Java string.
 */
public final class CodePointOrder implements Comparator<String> {

    /** The one instance; the order has no state. */
    public static final CodePointOrder INSTANCE = new CodePointOrder();

    private CodePointOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int length = Math.min(a.length(), b.length());
        int i = 0;
        while (i < length && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (i == length) {
            return Integer.compare(a.length(), b.length());
        }
        char x = a.charAt(i);
        char y = b.charAt(i);
        if (!Character.isSurrogate(x) && !Character.isSurrogate(y)) {
            // the common case: outside the surrogate range a UTF-16 unit is its own code point
            return Integer.compare(x, y);
        }
        // back up to the start of the code point (a pair whose high halves were equal)
        return compareCodePoints(a, b, i > 0 && Character.isHighSurrogate(a.charAt(i - 1)) ? i - 1 : i);
    }

    private static int compareCodePoints(String a, String b, int from) {
        int i = from;
        while (i < a.length() && i < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(i);
            if (x != y) {
                return Integer.compare(x, y);
            }
            // equal code points span the same number of units, so one index serves both strings
            i += Character.charCount(x);
        }
        return Integer.compare(a.length() - i, b.length() - i);
    }
}

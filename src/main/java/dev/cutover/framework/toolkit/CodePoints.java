package dev.cutover.framework.toolkit;

import java.util.Comparator;

/**
 * Unicode code-point order of strings, the order the contracts sort by. {@link String#compareTo}
 * compares UTF-16 units, which puts characters above U+FFFF before U+E000..U+FFFF.
 */
public final class CodePoints {

    public static final Comparator<String> ORDER = CodePoints::compare;

    private CodePoints() {
    }

    public static int compare(String a, String b) {
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
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(i);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
        }
        return Integer.compare(a.length() - i, b.length() - i);
    }
}

package dev.cutover.framework.plan;

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
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}

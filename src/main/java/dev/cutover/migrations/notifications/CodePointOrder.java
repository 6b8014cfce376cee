package dev.cutover.migrations.notifications;

import java.util.Comparator;

/**
 * Orders strings by Unicode code point, the order DESIGN.md uses for recipients and exports.
 * {@link String#compareTo} compares UTF-16 units instead, which puts a supplementary character
 * (a surrogate pair, {@code U+D800..DBFF} first) before {@code U+E000..FFFF}; this comparator does
 * not. Stateless and thread-safe; use {@link #INSTANCE}.
 */
public final class CodePointOrder implements Comparator<String> {

    public static final CodePointOrder INSTANCE = new CodePointOrder();

    private CodePointOrder() {
    }

    @Override
    public int compare(String a, String b) {
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
        // equal so far: the shorter one (fewer code points left) comes first
        return Boolean.compare(i < a.length(), j < b.length());
    }
}

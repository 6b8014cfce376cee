package dev.cutover.ops.http;

import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.qute.EngineBuilder;
import io.quarkus.qute.HtmlEscaper;

/**
 * The review page's escaping: Qute's HTML escaping, and each bidirectional control character of legacy
 * text (U+202E RIGHT-TO-LEFT OVERRIDE and its kin) shown as its code point ({@code [U+202E]}) instead
 * of being obeyed. Escaped as markup only, an override in a record id or a tenant reorders what the
 * reviewer reads ({@code r-‮exe.txt} reads as {@code r-txt.exe}), so two different values could look
 * alike on the page that approves them. Applies to every value a {@code text/html} template prints.
 */
@Singleton
public class VisibleBidiEscaper extends HtmlEscaper {

    public VisibleBidiEscaper() {
        super(List.of("text/html"));
    }

    void register(@Observes EngineBuilder engine) {
        engine.addResultMapper(this);
    }

    /** Ahead of the engine's own HTML escaper, which it does the work of. */
    @Override
    public int getPriority() {
        return super.getPriority() + 10;
    }

    @Override
    protected String replacementFor(char c) {
        return isBidiControl(c) ? String.format("[U+%04X]", (int) c) : super.replacementFor(c);
    }

    /** @return whether {@code c} is one of Unicode's explicit directional formatting characters or marks */
    static boolean isBidiControl(char c) {
        return c == '\u061C' || c == '\u200E' || c == '\u200F' || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069');
    }
}

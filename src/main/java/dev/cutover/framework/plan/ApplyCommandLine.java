package dev.cutover.framework.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import dev.cutover.framework.run.RunSettingsStore;
import dev.cutover.framework.source.SourceEndpoint;
import dev.cutover.framework.toolkit.ShellWords;

/**
 * The {@code cutover apply} command (DESIGN.md §8) that applies a reviewed plan: the run's sources
 * ({@code --demo} for a run of the demo data), its concurrency when it is not the default, its accepted
 * codes and the plan's digest ({@code --plan-digest}), shell-quoted where a word needs it. It applies
 * exactly the data reviewed: if the sources have changed since, the digest differs and the apply is
 * refused ({@code DIGEST_MISMATCH}). Pure.
 */
public final class ApplyCommandLine {

    /** The concurrency {@code cutover} uses when none is given. */
    static final int DEFAULT_CONCURRENCY = 4;

    private ApplyCommandLine() {
    }

    /** @return the command line, e.g. {@code cutover apply m --source eu-1=http://... --accept A,B --plan-digest sha256:...} */
    public static String of(String migration, RunSettingsStore.Settings settings, String digest) {
        List<String> words = new ArrayList<>(List.of("cutover", "apply", migration));
        if (settings.demo()) {
            words.add("--demo");
        } else {
            for (SourceEndpoint source : settings.sources()) {
                words.add("--source");
                words.add(source.name() + "=" + source.baseUrl());
            }
        }
        if (settings.concurrency() != DEFAULT_CONCURRENCY) {
            words.add("--concurrency");
            words.add(Integer.toString(settings.concurrency()));
        }
        TreeSet<String> accepted = new TreeSet<>(settings.accepted());
        if (!accepted.isEmpty()) {
            words.add("--accept");
            words.add(String.join(",", accepted));
        }
        words.add("--plan-digest");
        words.add(digest);
        return ShellWords.join(words);
    }
}

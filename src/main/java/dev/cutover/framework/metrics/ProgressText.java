package dev.cutover.framework.metrics;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * One phase's progress as one line of text, the same for a terminal's live line and for a log line:
 * {@code normalize 2,000 of 3,990 records (50%), 1,000 records/s, ETA 2 s}; the retrieve phase adds its
 * sources ({@code ap-1 967/1,328}, distinct ids of the source's total). Numbers name their unit.
 */
public final class ProgressText {

    /** Sources listed by name in one line; the others are counted. */
    static final int SOURCES_SHOWN = 4;

    private ProgressText() {
    }

    /** @return the line saying that the phase began */
    public static String started(PhaseProgress.Snapshot s) {
        return label(s) + "started" + (s.activity() == null ? "" : ": " + s.activity());
    }

    /** @return the phase's progress now, or its outcome once ended */
    public static String line(PhaseProgress.Snapshot s) {
        StringBuilder line = new StringBuilder(label(s));
        if (s.ended()) {
            boolean ok = s.endStatus() == null || "COMPLETED".equals(s.endStatus());
            line.append(ok ? "done" : s.endStatus());
            if (s.unit() != null && s.done() > 0) {
                line.append(": ").append(count(s.done())).append(' ').append(s.unit());
                if (!s.sources().isEmpty()) {
                    line.append(" from ").append(s.sources().size()).append(s.sources().size() == 1 ? " source" : " sources");
                }
            }
            line.append(" in ").append(duration(s.elapsed()));
            if (s.unit() != null && s.ratePerSecond() > 0) {
                line.append(" (").append(count(Math.round(s.ratePerSecond()))).append(' ').append(s.unit()).append("/s)");
            }
            return line.toString();
        }
        if (s.activity() != null) {
            line.append(s.activity());
            if (s.unit() != null) {
                line.append(": ");
            }
        }
        if (s.unit() == null) {
            return s.activity() == null ? line.append("started").toString() : line.toString();
        }
        line.append(count(s.done()));
        if (s.total() >= 0) {
            line.append(" of ").append(count(s.total()));
        }
        line.append(' ').append(s.unit());
        if (s.percent() >= 0) {
            line.append(" (").append(percent(s.percent())).append(')');
        }
        double rate = s.ratePerSecond();
        if (rate > 0) {
            line.append(", ").append(count(Math.round(rate))).append(' ').append(s.unit()).append("/s");
        }
        Duration eta = s.eta();
        if (eta != null) {
            line.append(", ETA ").append(duration(eta));
        }
        if (!s.sources().isEmpty()) {
            line.append("; ").append(sources(s.sources()));
        }
        return line.toString();
    }

    private static String label(PhaseProgress.Snapshot s) {
        return String.format(Locale.ROOT, "%-9s ", s.phase());
    }

    /** The sources still listing by name (a few), then how many are done. */
    private static String sources(List<PhaseProgress.SourceCount> sources) {
        StringBuilder text = new StringBuilder();
        int shown = 0;
        int listing = 0;
        for (PhaseProgress.SourceCount source : sources) {
            if (source.complete()) {
                continue;
            }
            listing++;
            if (shown < SOURCES_SHOWN) {
                text.append(shown == 0 ? "" : ", ").append(source.name()).append(' ').append(count(source.records()))
                        .append('/').append(count(source.total()));
                shown++;
            }
        }
        if (listing > shown) {
            text.append(", ").append(listing - shown).append(" more");
        }
        int complete = sources.size() - listing;
        if (complete > 0 || listing == 0) {
            text.append(text.length() == 0 ? "" : "; ").append(complete).append(" of ").append(sources.size())
                    .append(sources.size() == 1 ? " source done" : " sources done");
        }
        return text.toString();
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String percent(double p) {
        return p >= 10 || p == 0 ? String.format(Locale.ROOT, "%.0f%%", Math.floor(p)) : String.format(Locale.ROOT, "%.1f%%", p);
    }

    /** {@code 0.4 s}, {@code 12 s}, {@code 3 min 05 s}, {@code 1 h 02 min} */
    static String duration(Duration d) {
        long seconds = d.toSeconds();
        if (seconds < 10) {
            return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
        }
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60);
    }
}

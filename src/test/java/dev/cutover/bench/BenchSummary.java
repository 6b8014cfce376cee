package dev.cutover.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The targets of the end-to-end bench (issue 9) as ratios of the figures of one run, each with
 * {@code PASS} or {@code MISS} (or {@code n/a} when a figure is missing). It asserts nothing: a benchmark
 * prints. Per migration and size: {@code plan - start <= 1.5 x b}, {@code apply - start <= 2 x (b + c)},
 * {@code a / apply >= 10} (the target is at 1M; printed at every size), the retrieve step's pages per
 * second {@code >= 0.9 x concurrency / latency}, {@code restart <= 20%} of a full apply after a kill at the
 * {@code validate} probe. Across sizes: every JBeret step's time at 10x the records {@code <= 12x}, peak
 * RSS of plan and apply {@code <= 512 MB} and {@code <= 1.5x} the smallest size's.
 */
final class BenchSummary {

    /** What one migration at one size measured; public fields: they go to results.json as they are. */
    static final class Figures {
        public final String migration;
        public final int size;
        public String error;
        public double start = Double.NaN;
        public double io = Double.NaN;
        public long ioPages = -1;
        public double copy = Double.NaN;
        public double plan = Double.NaN;
        public String planOutcome;
        public double planRssMb = Double.NaN;
        public Map<String, Double> planSteps = Map.of();
        public double apply = Double.NaN;
        public String applyOutcome;
        public double applyRssMb = Double.NaN;
        public Map<String, Double> applySteps = Map.of();
        public String digest;
        public long pages = -1;
        public double adhoc = Double.NaN;
        public boolean adhocComplete;
        public double restart = Double.NaN;
        public boolean restartOk;
        public boolean restartActivated;
        public String restartDigest;
        public String crashNote;

        Figures(String migration, int size) {
            this.migration = migration;
            this.size = size;
        }

        void plan(BenchProcess.Result result, Map<String, Double> steps) {
            plan = result.seconds();
            planOutcome = outcome(result);
            planRssMb = result.peakRssMb();
            planSteps = steps;
        }

        void apply(BenchProcess.Result result, Map<String, Double> steps) {
            apply = result.seconds();
            applyOutcome = outcome(result);
            applyRssMb = result.peakRssMb();
            applySteps = steps;
        }

        private static String outcome(BenchProcess.Result result) {
            return result.timedOut() ? "timed out" : result.exitCode() == 0 ? null : "exit " + result.exitCode();
        }
    }

    private static final double LINEAR = 1.2; // 12x the time for 10x the records

    /**
     * Prints the targets again from one or more {@code results.json} (e.g. sizes measured by separate
     * runs: then the ratios across sizes compare different runs, on a machine whose load may differ).
     * The settings (concurrency, latency, sources) are the first file's.
     */
    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<Figures> figures = new ArrayList<>();
        JsonNode settings = null;
        for (String file : args) {
            JsonNode results = json.readTree(Path.of(file).toFile());
            settings = settings == null ? results.get("settings") : settings;
            for (JsonNode f : results.get("summary")) {
                figures.add(json.readerForUpdating(new Figures(f.get("migration").asText(), f.get("size").asInt()))
                        .readValue(f));
            }
        }
        if (settings == null) {
            System.out.println("usage: BenchSummary results.json...");
            return;
        }
        new BenchSummary(figures, settings.get("concurrency").asInt(), Duration.ofMillis(settings.get("latencyMs").asLong()),
                settings.get("sources").asInt()).print(System.out);
    }

    private final List<Figures> figures;
    private final int concurrency;
    private final Duration latency;
    private final int sources;

    BenchSummary(List<Figures> figures, int concurrency, Duration latency, int sources) {
        this.figures = figures;
        this.concurrency = concurrency;
        this.latency = latency;
        this.sources = sources;
    }

    void print(PrintStream out) {
        out.println();
        out.println("targets (issue 9): PASS or MISS per figure; start = d (JVM start), b = I/O floor, c = COPY floor,"
                + " a = ad-hoc script");
        Set<String> migrations = new LinkedHashSet<>();
        figures.forEach(f -> migrations.add(f.migration));
        for (String migration : migrations) {
            Map<Integer, Figures> bySize = new TreeMap<>();
            figures.stream().filter(f -> f.migration.equals(migration)).forEach(f -> bySize.put(f.size, f));
            for (Figures f : bySize.values()) {
                one(out, f);
            }
            across(out, migration, new ArrayList<>(bySize.values()));
        }
    }

    private void one(PrintStream out, Figures f) {
        out.printf(Locale.ROOT, "%n--- %s, %,d records: d %s s, b %s s, c %s s, plan %s s, apply %s s%n", f.migration,
                f.size, n(f.start), n(f.io), n(f.copy), n(f.plan), n(f.apply));
        if (f.error != null) {
            out.println("  FAILED: " + f.error);
        }
        // plan - start <= 1.5 x b
        double planRatio = (f.plan - f.start) / f.io;
        line(out, "plan - start <= 1.5 x b", String.format(Locale.ROOT, "(%s - %s) / %s = %s x b", n(f.plan), n(f.start),
                n(f.io), n(planRatio)), mark(planRatio <= 1.5, planRatio, f.planOutcome));
        // apply - start <= 2 x (b + c)
        double applyRatio = (f.apply - f.start) / (f.io + f.copy);
        line(out, "apply - start <= 2 x (b + c)", String.format(Locale.ROOT, "(%s - %s) / (%s + %s) = %s x (b + c)",
                n(f.apply), n(f.start), n(f.io), n(f.copy), n(applyRatio)), mark(applyRatio <= 2, applyRatio, f.applyOutcome));
        // a / apply >= 10 (at 1M)
        double adhocRatio = f.adhoc / f.apply;
        line(out, "a / apply >= 10 (target at 1M)", String.format(Locale.ROOT, "%s / %s = %s%s", n(f.adhoc), n(f.apply),
                f.adhocComplete ? "" : ">= ", n(adhocRatio)) + (f.adhocComplete || Double.isNaN(f.adhoc)
                        ? "" : " (the script stopped at its time box: a lower bound)"),
                f.applyOutcome != null ? "MISS (apply " + f.applyOutcome + ")"
                        : !f.adhocComplete && !Double.isNaN(adhocRatio) && adhocRatio < 10 ? "n/a"
                                : mark(adhocRatio >= 10, adhocRatio, null));
        // retrieval pages/s >= 0.9 x concurrency / latency
        double retrieve = f.applySteps.getOrDefault("retrieve", Double.NaN);
        double pagesPerSecond = f.pages / retrieve;
        double parallel = Math.min(concurrency, sources);
        double target = 0.9 * parallel / (latency.toMillis() / 1000.0);
        line(out, "retrieve pages/s >= 0.9 x " + (int) parallel + " / " + latency.toMillis() + " ms",
                String.format(Locale.ROOT, "%s pages / %s s = %s pages/s (target %s; I/O floor %s pages/s)",
                        f.pages < 0 ? "?" : Long.toString(f.pages), n(retrieve), n(pagesPerSecond), n(target),
                        n(f.ioPages / f.io)),
                f.pages < 0 ? "n/a" : mark(pagesPerSecond >= target, pagesPerSecond, null));
        // restart after a kill at ~90%: <= 20% of a full apply
        double killShare = share(f.applySteps, EndToEndBench.CRASH_POINT);
        double restartRatio = f.restart / f.apply;
        String restartMark = f.crashNote != null ? "n/a (" + f.crashNote + ")"
                : Double.isNaN(f.restart) ? "n/a"
                        : !f.restartOk ? "MISS (restart failed)"
                                : !f.restartActivated ? "MISS (not activated)"
                                        : f.restartDigest == null || !f.restartDigest.equals(f.digest) ? "MISS (digest differs)"
                                                : mark(restartRatio <= 0.2, restartRatio, null);
        line(out, "restart <= 20% of apply", String.format(Locale.ROOT,
                "%s / %s = %s%% (without JVM start: %s%%; kill -9 at probe '%s', the start of the validate step:"
                        + " %s%% of the apply's step time; %s, digest %s)",
                n(f.restart), n(f.apply), n(restartRatio * 100), n((f.restart - f.start) / (f.apply - f.start) * 100),
                EndToEndBench.CRASH_POINT, n(killShare * 100),
                f.restartActivated ? "activated" : "not activated",
                f.restartDigest == null ? "none" : f.restartDigest.equals(f.digest) ? "= apply's" : "!= apply's"), restartMark);
        line(out, "peak RSS <= 512 MB (target at 1M)", String.format(Locale.ROOT, "plan %s MB, apply %s MB", n(f.planRssMb),
                n(f.applyRssMb)), mark(Math.max(f.planRssMb, f.applyRssMb) <= 512, Math.max(f.planRssMb, f.applyRssMb), null));
    }

    /** Each step's time at the next size over its time at the previous one, and peak RSS over the smallest's. */
    private void across(PrintStream out, String migration, List<Figures> sizes) {
        if (sizes.size() < 2) {
            return;
        }
        out.printf(Locale.ROOT, "%n--- %s across sizes: a step's time at k x the records <= 1.2 k x its time"
                + " (12x for 10x); peak RSS <= 1.5 x the smallest size's%n", migration);
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %-18s", "seconds"));
        sizes.forEach(f -> head.append(String.format(Locale.ROOT, " %10s", f.size)));
        for (int i = 1; i < sizes.size(); i++) {
            head.append(String.format(Locale.ROOT, " %20s", sizes.get(i).size + "/" + sizes.get(i - 1).size));
        }
        out.println(head);
        Map<String, List<Double>> rows = new LinkedHashMap<>();
        rows.put("plan (wall)", sizes.stream().map(f -> f.plan).toList());
        for (String step : stepNames(sizes, true)) {
            rows.put("plan: " + step, sizes.stream().map(f -> f.planSteps.getOrDefault(step, Double.NaN)).toList());
        }
        rows.put("apply (wall)", sizes.stream().map(f -> f.apply).toList());
        for (String step : stepNames(sizes, false)) {
            rows.put("apply: " + step, sizes.stream().map(f -> f.applySteps.getOrDefault(step, Double.NaN)).toList());
        }
        rows.put("plan - start", sizes.stream().map(f -> f.plan - f.start).toList());
        rows.put("apply - start", sizes.stream().map(f -> f.apply - f.start).toList());
        rows.forEach((name, values) -> {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-18s", name));
            values.forEach(v -> line.append(String.format(Locale.ROOT, " %10s", n(v))));
            for (int i = 1; i < values.size(); i++) {
                double ratio = values.get(i) / values.get(i - 1);
                double limit = LINEAR * sizes.get(i).size / sizes.get(i - 1).size;
                line.append(String.format(Locale.ROOT, " %20s", n(ratio) + " " + mark(ratio <= limit, ratio, null)));
            }
            out.println(line);
        });
        Figures smallest = sizes.get(0);
        for (Figures f : sizes.subList(1, sizes.size())) {
            for (String command : List.of("plan", "apply")) {
                double rss = command.equals("plan") ? f.planRssMb : f.applyRssMb;
                double base = command.equals("plan") ? smallest.planRssMb : smallest.applyRssMb;
                double ratio = rss / base;
                out.printf(Locale.ROOT, "  peak RSS %-5s at %,d: %s MB %s (<= 512 MB); %s / %s MB (at %,d) = %s x %s (<= 1.5)%n",
                        command, f.size, n(rss), mark(rss <= 512, rss, null), n(rss), n(base), smallest.size, n(ratio),
                        mark(ratio <= 1.5, ratio, null));
            }
        }
    }

    private static Set<String> stepNames(List<Figures> sizes, boolean plan) {
        Set<String> names = new LinkedHashSet<>();
        sizes.forEach(f -> names.addAll((plan ? f.planSteps : f.applySteps).keySet()));
        return names;
    }

    /** @return the steps before {@code step} over all steps: how far an apply was when {@code step} started */
    static double share(Map<String, Double> steps, String step) {
        double before = 0;
        double total = 0;
        boolean reached = false;
        for (Map.Entry<String, Double> s : steps.entrySet()) {
            reached |= s.getKey().equals(step);
            if (!reached) {
                before += s.getValue();
            }
            total += s.getValue();
        }
        return reached && total > 0 ? before / total : Double.NaN;
    }

    private static void line(PrintStream out, String target, String figures, String mark) {
        out.printf(Locale.ROOT, "  %-36s %-5s %s%n", target, mark.startsWith("PASS") || mark.startsWith("MISS") ? mark.substring(0, 4)
                : "n/a", figures + (mark.length() > 4 && !mark.startsWith("n/a") ? " " + mark.substring(4).trim()
                        : mark.startsWith("n/a") && mark.length() > 3 ? " " + mark.substring(3).trim() : ""));
    }

    private static String mark(boolean ok, double value, String failure) {
        if (failure != null) {
            return "MISS (" + failure + ")";
        }
        return Double.isNaN(value) || Double.isInfinite(value) ? "n/a" : ok ? "PASS" : "MISS";
    }

    private static String n(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "-";
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%.0f" : "%.2f", value);
    }
}

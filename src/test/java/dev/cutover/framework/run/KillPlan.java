package dev.cutover.framework.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a crash drill kills an apply: points of the {@link StepProbe} chosen with a seeded random from
 * the points an uninterrupted run reported ({@code cutover.probe.trace}), grouped into chains. A chain is
 * one apply: its first process is killed at the chain's first point, the restart at the second, and so
 * on; the last restart runs to its end.
 *
 * <p>Every point of a chain is one the restart before it is certain to reach, at the occurrence the
 * uninterrupted run numbered: a restart resumes the step that was killed from its last checkpoint (its
 * occurrences there start again from 1, fewer than the first run's) and runs every later step whole. So
 * each point of a chain is in a later phase ({@link #phase}) than the one before it; and once the
 * activation committed, a restart ends at the apply gate ({@code UNCHANGED}: the run's own generation
 * executes), so only the end of the execution can follow.
 */
final class KillPlan {

    /** The steps of {@code cutover-migration.xml}, in order. */
    static final List<String> STEPS = List.of("retrieve", "normalize", "plan", "stage", "validate", "activate");

    private static final Pattern REACHED = Pattern.compile("probe: reached (\\S+) #(\\d+)");

    /** The {@code occurrence}-th time a process reaches point {@code name}. */
    record Point(String name, long occurrence) {

        /** @return the value of {@code cutover.probe.halt-at} that halts there */
        String haltAt() {
            return name + "#" + occurrence;
        }

        /** @return the line the process prints when it halts there */
        String haltedLine() {
            return "probe: halted at " + name + " #" + occurrence;
        }

        @Override
        public String toString() {
            return haltAt();
        }
    }

    private KillPlan() {
    }

    /** @return each point a traced process reported, with how many times it reached it, by name */
    static Map<String, Long> universe(String tracedStderr) {
        Map<String, Long> universe = new TreeMap<>();
        Matcher m = REACHED.matcher(tracedStderr);
        while (m.find()) {
            universe.merge(m.group(1), Long.parseLong(m.group(2)), Math::max);
        }
        return universe;
    }

    /**
     * The order in which an execution passes the points, coarse where it cannot be known in advance
     * (the points inside one step interleave by chunk and partition): around the lease at the start, each
     * step's begin, inside, end, then around the lease at the end.
     *
     * @throws IllegalArgumentException for a point it does not know, so a new point gets a phase
     */
    static int phase(String point) {
        switch (point) {
            case "job-before-bind":
                return 0;
            case "job-after-bind":
                return 1;
            case "job-before-release":
                return 100;
            case "job-after-release":
                return 101;
            case "key-index-build":
                // in an apply, inside the activate step: after its begin, before its switch
                return 62;
            case "activate-after-commit":
            case "activate-end":
                // after the switch committed: a restart stops at the gate, only the execution's end follows
                return 67;
            default:
                break;
        }
        for (int i = 0; i < STEPS.size(); i++) {
            String step = STEPS.get(i);
            int base = 10 * (i + 1);
            if (point.equals(step + "-begin")) {
                return base;
            }
            if (point.equals(step + "-end")) {
                return base + 9;
            }
            if (point.equals(step) || point.startsWith(step + "-")) {
                return base + 5;
            }
        }
        throw new IllegalArgumentException("no phase for probe point '" + point + "': give it one in KillPlan.phase");
    }

    /**
     * Chooses {@code kills} points (at least one per point name of the universe, at a random occurrence;
     * the rest at random names and occurrences, none twice) and deals them into chains in which the phase
     * strictly increases. The same universe, count and seed give the same chains.
     */
    static List<List<Point>> chains(Map<String, Long> universe, int kills, java.util.Random random) {
        List<String> names = new ArrayList<>(universe.keySet());
        Set<Point> chosen = new HashSet<>();
        List<Point> points = new ArrayList<>();
        for (String name : names) {
            Point p = new Point(name, 1 + random.nextInt(universe.get(name).intValue()));
            chosen.add(p);
            points.add(p);
        }
        long distinct = universe.values().stream().mapToLong(Long::longValue).sum();
        while (points.size() < Math.min(kills, distinct)) {
            String name = names.get(random.nextInt(names.size()));
            Point p = new Point(name, 1 + random.nextInt(universe.get(name).intValue()));
            if (chosen.add(p)) {
                points.add(p);
            }
        }
        // random order within a phase, so that which points share a chain varies with the seed
        Collections.shuffle(points, random);
        points.sort(Comparator.comparingInt(p -> phase(p.name())));
        Map<Integer, Integer> perPhase = new TreeMap<>();
        points.forEach(p -> perPhase.merge(phase(p.name()), 1, Integer::sum));
        // dealt in turn to as many chains as the most crowded phase has points: two points of one phase
        // are never in the same chain, so each chain's phases strictly increase
        int width = Collections.max(perPhase.values());
        List<List<Point>> chains = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            chains.add(new ArrayList<>());
        }
        for (int i = 0; i < points.size(); i++) {
            chains.get(i % width).add(points.get(i));
        }
        return chains;
    }
}

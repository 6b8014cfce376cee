package dev.cutover.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a command as a real process and measures its wall time and peak resident set: through GNU
 * {@code /usr/bin/time -v} when it is installed (its "Maximum resident set size"), else by polling
 * {@code VmHWM} in {@code /proc/<pid>/status} every 50 ms (the last value read before exit; also the
 * figure of a process killed at its time box). A timed-out run's seconds are those at the time box.
 */
final class BenchProcess {

    private static final Path GNU_TIME = Path.of("/usr/bin/time");
    private static final Pattern MAX_RSS = Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)");
    private static final Pattern VM_HWM = Pattern.compile("VmHWM:\\s+(\\d+) kB");

    /** What one run measured; {@code peakRssKb} is -1 when it could not be measured. */
    record Result(List<String> command, int exitCode, double seconds, long peakRssKb, String stdout, String stderr,
            boolean timedOut) {

        double peakRssMb() {
            return peakRssKb < 0 ? Double.NaN : peakRssKb / 1024.0;
        }
    }

    private BenchProcess() {
    }

    /**
     * @param onTimeout called with the still running process's pid before it is killed (to ask where it was)
     */
    static Result run(List<String> command, Map<String, String> env, Path workDir, Duration timeout,
            Consumer<Long> onTimeout) {
        boolean gnuTime = Files.isExecutable(GNU_TIME);
        try {
            Path dir = Files.createDirectories(workDir.resolve("bench").resolve("proc"));
            Path out = Files.createTempFile(dir, "out", ".txt");
            Path err = Files.createTempFile(dir, "err", ".txt");
            Path timeFile = Files.createTempFile(dir, "time", ".txt");
            List<String> full = new ArrayList<>();
            if (gnuTime) {
                full.addAll(List.of(GNU_TIME.toString(), "-v", "-o", timeFile.toString()));
            }
            full.addAll(command);
            ProcessBuilder builder = new ProcessBuilder(full).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().putAll(env);
            long begin = System.nanoTime();
            Process process = builder.start();
            long hwm = -1;
            long deadline = begin + timeout.toNanos();
            boolean timedOut = false;
            double seconds = -1;
            while (!process.waitFor(50, TimeUnit.MILLISECONDS)) {
                // polled in both modes: a killed process leaves no /usr/bin/time report
                hwm = Math.max(hwm, vmHwm(gnuTime ? javaPid(process.pid()) : process.pid()));
                if (System.nanoTime() > deadline) {
                    timedOut = true;
                    seconds = (System.nanoTime() - begin) / 1e9; // where it was, before asking it
                    onTimeout.accept(process.pid());
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    process.waitFor();
                    break;
                }
            }
            if (!timedOut) {
                seconds = (System.nanoTime() - begin) / 1e9;
            }
            if (gnuTime) {
                Matcher m = MAX_RSS.matcher(Files.readString(timeFile));
                if (m.find()) {
                    hwm = Long.parseLong(m.group(1));
                }
            }
            Result result = new Result(command, process.exitValue(), seconds, hwm, Files.readString(out),
                    Files.readString(err), timedOut);
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            Files.deleteIfExists(timeFile);
            return result;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    /** @return the java descendant of a process started through {@code /usr/bin/time}, or the process itself */
    static long javaPid(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.descendants().findFirst()).map(ProcessHandle::pid).orElse(pid);
    }

    private static long vmHwm(long pid) {
        try {
            Matcher m = VM_HWM.matcher(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
            return m.find() ? Long.parseLong(m.group(1)) : -1;
        } catch (IOException | RuntimeException gone) {
            return -1;
        }
    }
}

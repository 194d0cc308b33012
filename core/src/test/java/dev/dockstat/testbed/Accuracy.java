package dev.dockstat.testbed;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockstat.core.stats.ContainerStats;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Assumptions;

/**
 * What the CPU and memory accuracy tests share (the engine source's in core-it, the kernel
 * source's in stats-cgroup): how long and at which limits to run the burners, the tolerances, and
 * the ground truths read beside dockstat (the cgroup's own CPU accounting, docker stats' memory).
 */
public final class Accuracy {

    /** Readings per burner: {@code dockstat.accuracy.seconds}, 20 in the suite ({@code scripts/measure-accuracy} runs 60). */
    public static final int SECONDS = Integer.getInteger("dockstat.accuracy.seconds", 20);
    /** A 10 s average (and a whole run) within 1 point. */
    public static final double WINDOW_TOLERANCE = 1.0;
    /** A 1 s sample within 3.5 points: the kernel's quota enforcement itself jitters; docker stats shows up to 3 points off. */
    public static final double SAMPLE_TOLERANCE = 3.5;

    /** The CPUs {@code /proc/stat} counts (its {@code cpuN} lines), as docker's online CPUs. */
    private static final int HOST_CPUS = countHostCpus();

    private Accuracy() {}

    /** The limits to try: {@code dockstat.accuracy.cpus} (comma-separated), by default 0.25, 0.5 and 1.0. */
    public static List<String> limits() {
        return List.of(System.getProperty("dockstat.accuracy.cpus", "0.25,0.5,1.0").split(","));
    }

    /**
     * CPU time the container's cgroup used (ns), the wall time (ns) it was read at, and the host's
     * CPU time as {@code /proc/stat} counts it (ns over all CPUs, the sum docker's formula divides
     * by): the container's straight from its file, cgroup v1 {@code cpuacct.usage} or v2
     * {@code cpu.stat usage_usec}.
     */
    public static long[] cgroupCpuNanos(String id) {
        long wall = System.nanoTime();
        long host = hostCpuNanos();
        try {
            for (String v1 : List.of("/sys/fs/cgroup/cpuacct/docker/", "/sys/fs/cgroup/cpu,cpuacct/docker/")) {
                Path f = Path.of(v1 + id + "/cpuacct.usage");
                if (Files.isReadable(f)) {
                    return new long[] {Long.parseLong(Files.readString(f).strip()), wall, host};
                }
            }
            for (String v2 : List.of("/sys/fs/cgroup/system.slice/docker-" + id + ".scope/cpu.stat", "/sys/fs/cgroup/docker/" + id + "/cpu.stat")) {
                Path f = Path.of(v2);
                if (Files.isReadable(f)) {
                    String usec = Files.readAllLines(f).stream().filter(l -> l.startsWith("usage_usec ")).findFirst().orElseThrow();
                    return new long[] {Long.parseLong(usec.substring(11).strip()) * 1000, wall, host};
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("no cgroup CPU accounting found for " + id);
    }

    /**
     * Judges a burner's 1 s samples and 10 s averages of CPU % against its {@code --cpus} limit. The
     * limit is a ground truth only while the kernel held the burner at it, so only the intervals in
     * which the cgroup's own accounting ({@code own}) shows that are judged: a second in which other
     * work on the 2 cores starved the burner is not. With fewer than half the seconds or no window
     * judged, the case aborts with its figures instead.
     *
     * @param measured the figure under test for an interval
     * @param skew what the host's counting alone may move it by ({@link #hostCountingSkew}), added to the tolerance
     * @param report every figure, for the messages
     */
    public static <T> void judgeAgainstLimit(String cpus, List<T> seconds, List<T> windows, ToDoubleFunction<T> measured,
            ToDoubleFunction<T> own, ToDoubleFunction<T> skew, String report) {
        double limit = Double.parseDouble(cpus) * 100;
        List<T> judgedSeconds = seconds.stream().filter(i -> Math.abs(own.applyAsDouble(i) - limit) <= SAMPLE_TOLERANCE).toList();
        List<T> judgedWindows = windows.stream().filter(i -> Math.abs(own.applyAsDouble(i) - limit) <= WINDOW_TOLERANCE).toList();
        Assumptions.assumeTrue(judgedSeconds.size() * 2 >= seconds.size() && !judgedWindows.isEmpty(),
                "the kernel did not hold the burner at its limit most of the time (host busy): " + report);
        for (T i : judgedSeconds) {
            assertTrue(Math.abs(measured.applyAsDouble(i) - limit) <= SAMPLE_TOLERANCE + skew.applyAsDouble(i), "1 s sample " + i + " vs limit " + limit + ": " + report);
        }
        for (T i : judgedWindows) {
            assertTrue(Math.abs(measured.applyAsDouble(i) - limit) <= WINDOW_TOLERANCE + skew.applyAsDouble(i), "10 s average " + i + " vs limit " + limit + ": " + report);
        }
        System.out.printf(Locale.ROOT, "--cpus %s: judged %d of %d 1 s samples and %d of %d 10 s averages against the limit%n",
                cpus, judgedSeconds.size(), seconds.size(), judgedWindows.size(), windows.size());
    }

    /** CPU % of one CPU between two {@link #cgroupCpuNanos} readings. */
    public static double cgroupCpuPercent(long[] before, long[] after) {
        return (double) (after[0] - before[0]) / (after[1] - before[1]) * 100;
    }

    /**
     * How far a figure made with docker's formula (the container's CPU time over the host's, as
     * {@code /proc/stat} counts it) may stand from the same CPU time over wall time, in points,
     * between two {@link #cgroupCpuNanos} readings, because of the host's counting alone: here
     * {@code /proc/stat} ran up to 1.9 % ahead of the wall clock while a {@code --cpus 0.5} burner
     * ran (five 10 s runs: 0.5 to 1.9 %; 0.4 % behind at 1.0; its busy time is counted in whole
     * ticks, its idle time exactly), which puts both docker stats and dockstat about a point below
     * 50 % over 10 s. The figures under test are judged against the limit and the cgroup's own
     * accounting with this much added to the tolerance: a wrong formula, gap or CPU count is off by
     * far more.
     */
    public static double hostCountingSkew(long[] before, long[] after) {
        double own = cgroupCpuPercent(before, after);
        double hostOverWall = (double) (after[2] - before[2]) / ((after[1] - before[1]) * (double) HOST_CPUS);
        return Math.abs(own - own / hostOverWall);
    }

    /** The host's CPU time (ns, all CPUs), as docker and the kernel source sum {@code /proc/stat}: its first seven fields, in 10 ms ticks. */
    public static long hostCpuNanos() {
        long[] ticks = hostCpuTicks();
        long sum = 0;
        for (int i = 0; i < 7 && i < ticks.length; i++) {
            sum += ticks[i];
        }
        return sum * 10_000_000L;
    }

    /** The numbers of {@code /proc/stat}'s {@code cpu} line (user, nice, system, idle, iowait, ...), in 10 ms ticks. */
    public static long[] hostCpuTicks() {
        try (BufferedReader r = Files.newBufferedReader(Path.of("/proc/stat"))) {
            String[] f = r.readLine().trim().split("\\s+");
            long[] ticks = new long[f.length - 1];
            for (int i = 1; i < f.length; i++) {
                ticks[i - 1] = Long.parseLong(f[i]);
            }
            return ticks;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int countHostCpus() {
        try (var lines = Files.lines(Path.of("/proc/stat"))) {
            return (int) lines.filter(l -> l.matches("cpu\\d+ .*")).count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Starts a container held to 64 MiB that writes 40 MB to a file (page cache, which the memory
     * figure leaves out, as docker's does) and waits until it has; its id.
     */
    public static String startWriter(String name) {
        String id = TestBed.run(name, "-m", "64m", TestBed.IMAGE, "sh", "-c",
                "dd if=/dev/zero of=/big bs=1M count=40 && echo written && sleep 100000");
        try {
            TestBed.await("40 MB written", Duration.ofSeconds(30), () -> TestBed.docker("logs", name).contains("written"));
        } catch (RuntimeException | AssertionError e) {
            TestBed.remove(name);
            throw e;
        }
        return id;
    }

    /**
     * The writer's memory figure is its usage minus its inactive file pages, about 2 MB after the
     * 40 MB went to the page cache, and the kernel keeps moving pages between its lists (a CI run
     * saw the figure step by exactly 1 MiB between two reads a second apart). So what is compared
     * with dockstat's reading ({@code others}: docker stats, another source) is read between two of
     * dockstat's, and used only once those two agree within 0.2 %: nothing moved in between.
     */
    public static <T> Bracket<T> readWhileMemoryHoldsStill(Supplier<ContainerStats> ours, Supplier<T> others) {
        @SuppressWarnings("unchecked")
        Bracket<T>[] last = new Bracket[1];
        TestBed.await("memory that holds still while the others read it", Duration.ofSeconds(90), () -> {
            last[0] = new Bracket<>(ours.get(), others.get(), ours.get());
            return last[0].heldStill();
        });
        return last[0];
    }

    /** The others' reading between two of dockstat's. */
    public record Bracket<T>(ContainerStats before, T others, ContainerStats after) {
        boolean heldStill() {
            return Math.abs(after.memUsed() - before.memUsed()) <= before.memUsed() / 500;
        }
    }

    /** {@code 14.5MiB} as docker stats prints it (binary units, 4 significant digits) to bytes. */
    public static long parseBinary(String s) {
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        for (int i = units.length - 1; i >= 0; i--) {
            if (s.endsWith(units[i])) {
                return Math.round(Double.parseDouble(s.substring(0, s.length() - 3)) * (1L << (10 * (i + 1))));
            }
        }
        return Long.parseLong(s.substring(0, s.length() - 1));
    }
}

package dev.dockstat.faults;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.dockstat.testbed.TestBed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * This JVM's threads (platform and virtual) and open file descriptors: what a failure must not
 * leave behind. Virtual threads are counted from a thread dump, which lists them (a thread MXBean
 * does not). The platform threads counted leave out two kinds whose number says nothing about
 * what a failure left: the workers of the JDK's fork-join pools (the virtual threads' carriers,
 * the common pool), whose number follows the load and which end after idling 30 s; and the
 * threads a JVM starts once, on first use, and keeps (the JDK's I/O poller and timers of virtual
 * threads, its process reaper, dockstat's one deadline thread). A baseline taken before the first
 * request of a JVM (a test class run alone) lacked those, and the same JVM settled 2 above it.
 */
record Resources(int platformThreads, int virtualThreads, int fds) {

    private static final Pattern NOT_COUNTED = Pattern.compile(String.join("|",
            "ForkJoinPool(-\\d+|\\.commonPool)-worker-\\d+",
            "ForkJoinPool-\\d+-delayScheduler", "MasterPoller", "(Read|Write)-Poller", "VirtualThread-unblocker",
            "process reaper", "dockstat-deadlines"));

    static Resources now() {
        int platform = ManagementFactory.getThreadMXBean().getThreadCount();
        return new Resources(platformThreadNames().size(), Math.max(0, allThreads() - platform), openFds());
    }

    /** The platform threads counted, by name (in a failure's message). */
    static List<String> platformThreadNames() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(name -> !NOT_COUNTED.matcher(name).matches()).sorted().toList();
    }

    private static int allThreads() {
        try {
            Path dump = Files.createTempFile("dst-fa-threads", ".json");
            Files.delete(dump);
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .dumpThreads(dump.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.JSON);
            String json = Files.readString(dump);
            Files.delete(dump);
            return json.split("\"tid\"", -1).length - 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int openFds() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return (int) fds.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean noMoreThan(Resources o) {
        return platformThreads <= o.platformThreads && virtualThreads <= o.virtualThreads && fds <= o.fds;
    }

    /** Waits (up to 10 s: a cancelled exchange closes its socket on its own thread) until no more is in use than {@code baseline}. */
    static Resources settledAt(Resources baseline, String what) {
        Resources[] last = {null};
        try {
            TestBed.await(what, Duration.ofSeconds(10), () -> (last[0] = now()).noMoreThan(baseline));
        } catch (AssertionError e) {
            throw new AssertionError(what + ": " + baseline + " before, " + last[0] + " after; platform threads now: "
                    + platformThreadNames(), e);
        }
        return last[0];
    }

    @Override
    public String toString() {
        return platformThreads + " platform + " + virtualThreads + " virtual threads, " + fds + " fds";
    }
}

package dev.dockstat.faults;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.dockstat.testbed.TestBed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * This JVM's threads (platform and virtual) and open file descriptors: what a failure must not
 * leave behind. Virtual threads are counted from a thread dump, which lists them (a thread MXBean
 * does not).
 */
record Resources(int platformThreads, int virtualThreads, int fds) {

    static Resources now() {
        int platform = ManagementFactory.getThreadMXBean().getThreadCount();
        return new Resources(platform, Math.max(0, allThreads() - platform), openFds());
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
            throw new AssertionError(what + ": " + baseline + " before, " + last[0] + " after", e);
        }
        return last[0];
    }

    @Override
    public String toString() {
        return platformThreads + " platform + " + virtualThreads + " virtual threads, " + fds + " fds";
    }
}

package dev.dockstat.source.cgroup;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The host's CPU time and CPU count from {@code /proc/stat}, computed as the engine computes its
 * {@code system_cpu_usage} and {@code online_cpus}: the first seven fields of the {@code cpu} line
 * (user, nice, system, idle, iowait, irq, softirq; not steal or guest) in clock ticks of 1/100 s,
 * times 10^7 ns, and the number of {@code cpuN} lines.
 *
 * @param nanos host CPU time in nanoseconds
 * @param cpus online CPUs
 */
record HostCpu(long nanos, int cpus) {

    private static final long NANOS_PER_TICK = 10_000_000L; // USER_HZ is 100 on Linux

    static HostCpu read(OpenFiles files, Path procStat) throws IOException {
        return parse(files.read(procStat), procStat);
    }

    static HostCpu parse(String text, Path file) throws IOException {
        long ticks = -1;
        int cpus = 0;
        int at = 0;
        int[] f = new int[16];
        while (at < text.length() && text.startsWith("cpu", at)) {
            int end = text.indexOf('\n', at);
            if (end < 0) {
                end = text.length();
            }
            if (end - at > 3 && text.charAt(at + 3) == ' ') {
                int n = KernelFiles.fields(text, at, end, f);
                if (n < 8) {
                    throw new IOException(file + ": a cpu line with " + (n - 1) + " fields");
                }
                ticks = 0;
                for (int i = 1; i <= 7; i++) {
                    ticks += KernelFiles.parse(text, f[2 * i], f[2 * i + 1], file);
                }
            } else if (end - at > 3 && Character.isDigit(text.charAt(at + 3))) {
                cpus++;
            }
            at = end + 1;
        }
        if (ticks < 0) {
            throw new IOException(file + ": no cpu line");
        }
        return new HostCpu(ticks * NANOS_PER_TICK, cpus);
    }
}

package dev.dockstat.source.cgroup;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One reading of a container's cgroup counters, in the units the engine's stats answer carries.
 * What each field is read from, per version (the engine reads the same files):
 *
 * <pre>
 *                  cgroup v1                                        cgroup v2
 * cpuTotal (ns)    cpuacct.usage                                    cpu.stat usage_usec x 1000
 * memUsage         memory.usage_in_bytes                            memory.current
 * memLimit         memory.limit_in_bytes                            memory.max ("max" = none)
 * inactiveFile     memory.stat inactive_file                        memory.stat inactive_file
 * totalInactive    memory.stat total_inactive_file                  (absent)
 * blkRead/Write    blkio.throttle.io_service_bytes_recursive        io.stat rbytes / wbytes
 *                  (blkio.io_service_bytes_recursive when the CFQ
 *                  scheduler fills it, as the engine prefers)
 * pids             pids.current                                     pids.current
 * </pre>
 */
record CgroupCounters(long cpuTotal, long memUsage, long memLimit, long inactiveFile, long totalInactiveFile,
        long blkRead, long blkWrite, long pids) {

    static final long ABSENT = -1;

    /** Where a container's counters are, resolved once per container rather than at every reading. */
    record Paths(boolean v2, Path cpu, Path memUsage, Path memLimit, Path memStat, Path blkio, Path blkioThrottle, Path pids) {

        static Paths of(ContainerCgroup cg) {
            if (cg.v2()) {
                Path d = cg.cpu();
                return new Paths(true, d.resolve("cpu.stat"), d.resolve("memory.current"), d.resolve("memory.max"),
                        d.resolve("memory.stat"), d.resolve("io.stat"), null, d.resolve("pids.current"));
            }
            return new Paths(false, cg.cpu().resolve("cpuacct.usage"), cg.memory().resolve("memory.usage_in_bytes"),
                    cg.memory().resolve("memory.limit_in_bytes"), cg.memory().resolve("memory.stat"),
                    cg.blkio().resolve("blkio.io_service_bytes_recursive"), cg.blkio().resolve("blkio.throttle.io_service_bytes_recursive"),
                    cg.pids().resolve("pids.current"));
        }
    }

    static CgroupCounters read(ContainerCgroup cg, OpenFiles files) throws IOException {
        return read(Paths.of(cg), files);
    }

    static CgroupCounters read(Paths p, OpenFiles files) throws IOException {
        return p.v2() ? v2(p, files) : v1(p, files);
    }

    private static CgroupCounters v1(Paths p, OpenFiles files) throws IOException {
        long cpu = KernelFiles.number(files, p.cpu());
        long usage = KernelFiles.number(files, p.memUsage());
        long limit = KernelFiles.number(files, p.memLimit());
        String stat = files.read(p.memStat());
        long inactive = KernelFiles.keyed(stat, "inactive_file", ABSENT, p.memStat());
        long totalInactive = KernelFiles.keyed(stat, "total_inactive_file", ABSENT, p.memStat());
        long[] io = blkioV1(p, files);
        long pids = KernelFiles.number(files, p.pids());
        return new CgroupCounters(cpu, usage, limit, inactive, totalInactive, io[0], io[1], pids);
    }

    private static CgroupCounters v2(Paths p, OpenFiles files) throws IOException {
        long usec = KernelFiles.keyed(files.read(p.cpu()), "usage_usec", ABSENT, p.cpu());
        if (usec == ABSENT) {
            throw new IOException(p.cpu() + ": no usage_usec");
        }
        long usage = KernelFiles.number(files, p.memUsage());
        long limit = KernelFiles.number(files, p.memLimit());
        long inactive = KernelFiles.keyed(files.read(p.memStat()), "inactive_file", ABSENT, p.memStat());
        long[] io = ioStat(files, p.blkio());
        long pids = KernelFiles.number(files, p.pids());
        return new CgroupCounters(Math.multiplyExact(usec, 1000L), usage, limit, inactive, ABSENT, io[0], io[1], pids);
    }

    /** Read and write bytes: lines {@code MAJ:MIN Read N}, {@code MAJ:MIN Write N}, ... and {@code Total N}. */
    private static long[] blkioV1(Paths p, OpenFiles files) throws IOException {
        if (files.exists(p.blkio())) {
            long[] io = blkioLines(files.read(p.blkio()), p.blkio());
            if (io[2] > 0) {
                return io;
            }
        }
        return blkioLines(files.read(p.blkioThrottle()), p.blkioThrottle());
    }

    /** {read, write, entries}; an op counts as docker counts it, by its first letter (r/R, w/W). */
    static long[] blkioLines(String text, Path file) throws IOException {
        long read = 0;
        long write = 0;
        long entries = 0;
        int[] f = new int[8];
        int at = 0;
        while (at < text.length()) {
            int end = text.indexOf('\n', at);
            if (end < 0) {
                end = text.length();
            }
            if (KernelFiles.fields(text, at, end, f) == 3) { // not "Total N" or a blank line
                long value = KernelFiles.parse(text, f[4], f[5], file);
                entries++;
                char op = Character.toLowerCase(text.charAt(f[2]));
                if (op == 'r') {
                    read += value;
                } else if (op == 'w') {
                    write += value;
                }
            }
            at = end + 1;
        }
        return new long[] {read, write, entries};
    }

    /** {@code MAJ:MIN rbytes=N wbytes=N rios=N wios=N dbytes=N dios=N} per device. */
    static long[] ioStat(OpenFiles files, Path file) throws IOException {
        if (!files.exists(file)) {
            return new long[] {0, 0}; // no io controller enabled for the cgroup: no block I/O figure
        }
        String text = files.read(file);
        long read = 0;
        long write = 0;
        int[] f = new int[32];
        int at = 0;
        while (at < text.length()) {
            int end = text.indexOf('\n', at);
            if (end < 0) {
                end = text.length();
            }
            int n = Math.min(KernelFiles.fields(text, at, end, f), f.length / 2);
            for (int i = 0; i < n; i++) {
                int from = f[2 * i];
                if (text.startsWith("rbytes=", from)) {
                    read += KernelFiles.parse(text, from + 7, f[2 * i + 1], file);
                } else if (text.startsWith("wbytes=", from)) {
                    write += KernelFiles.parse(text, from + 7, f[2 * i + 1], file);
                }
            }
            at = end + 1;
        }
        return new long[] {read, write};
    }
}

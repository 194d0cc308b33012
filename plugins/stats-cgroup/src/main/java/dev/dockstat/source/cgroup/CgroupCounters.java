package dev.dockstat.source.cgroup;

import java.io.IOException;
import java.nio.file.Files;
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

    static CgroupCounters read(ContainerCgroup cg) throws IOException {
        return cg.v2() ? v2(cg.cpu()) : v1(cg);
    }

    private static CgroupCounters v1(ContainerCgroup cg) throws IOException {
        long cpu = KernelFiles.number(cg.cpu().resolve("cpuacct.usage"));
        long usage = KernelFiles.number(cg.memory().resolve("memory.usage_in_bytes"));
        long limit = KernelFiles.number(cg.memory().resolve("memory.limit_in_bytes"));
        Path statFile = cg.memory().resolve("memory.stat");
        String stat = KernelFiles.read(statFile);
        long inactive = KernelFiles.keyed(stat, "inactive_file", ABSENT, statFile);
        long totalInactive = KernelFiles.keyed(stat, "total_inactive_file", ABSENT, statFile);
        long[] io = blkioV1(cg.blkio());
        long pids = KernelFiles.number(cg.pids().resolve("pids.current"));
        return new CgroupCounters(cpu, usage, limit, inactive, totalInactive, io[0], io[1], pids);
    }

    private static CgroupCounters v2(Path dir) throws IOException {
        Path cpuStat = dir.resolve("cpu.stat");
        long usec = KernelFiles.keyed(KernelFiles.read(cpuStat), "usage_usec", ABSENT, cpuStat);
        if (usec == ABSENT) {
            throw new IOException(cpuStat + ": no usage_usec");
        }
        long usage = KernelFiles.number(dir.resolve("memory.current"));
        long limit = KernelFiles.number(dir.resolve("memory.max"));
        Path statFile = dir.resolve("memory.stat");
        long inactive = KernelFiles.keyed(KernelFiles.read(statFile), "inactive_file", ABSENT, statFile);
        long[] io = ioStat(dir.resolve("io.stat"));
        long pids = KernelFiles.number(dir.resolve("pids.current"));
        return new CgroupCounters(Math.multiplyExact(usec, 1000L), usage, limit, inactive, ABSENT, io[0], io[1], pids);
    }

    /** Read and write bytes: lines {@code MAJ:MIN Read N}, {@code MAJ:MIN Write N}, ... and {@code Total N}. */
    private static long[] blkioV1(Path dir) throws IOException {
        Path cfq = dir.resolve("blkio.io_service_bytes_recursive");
        if (Files.exists(cfq)) {
            long[] io = blkioLines(cfq);
            if (io[2] > 0) {
                return io;
            }
        }
        return blkioLines(dir.resolve("blkio.throttle.io_service_bytes_recursive"));
    }

    /** {read, write, entries}; an op counts as docker counts it, by its first letter (r/R, w/W). */
    static long[] blkioLines(Path file) throws IOException {
        long read = 0;
        long write = 0;
        long entries = 0;
        for (String line : KernelFiles.read(file).split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length != 3) {
                continue; // "Total N" and blank lines
            }
            long value = KernelFiles.parse(f[2], file);
            entries++;
            char op = f[1].isEmpty() ? ' ' : Character.toLowerCase(f[1].charAt(0));
            if (op == 'r') {
                read += value;
            } else if (op == 'w') {
                write += value;
            }
        }
        return new long[] {read, write, entries};
    }

    /** {@code MAJ:MIN rbytes=N wbytes=N rios=N wios=N dbytes=N dios=N} per device. */
    static long[] ioStat(Path file) throws IOException {
        if (!Files.exists(file)) {
            return new long[] {0, 0}; // no io controller enabled for the cgroup: no block I/O figure
        }
        long read = 0;
        long write = 0;
        for (String line : KernelFiles.read(file).split("\n")) {
            for (String field : line.trim().split("\\s+")) {
                if (field.startsWith("rbytes=")) {
                    read += KernelFiles.parse(field.substring(7), file);
                } else if (field.startsWith("wbytes=")) {
                    write += KernelFiles.parse(field.substring(7), file);
                }
            }
        }
        return new long[] {read, write};
    }
}

package dev.dockstat.source.cgroup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Where one container's cgroup files are, found from {@code /proc/PID/cgroup} of its main process
 * rather than guessed from the driver's naming: cgroupfs puts a container at {@code /docker/ID},
 * systemd at {@code /system.slice/docker-ID.scope}, and either may be nested (docker in docker,
 * a {@code --cgroup-parent}).
 *
 * <p>cgroup v2 (the root has {@code cgroup.controllers}): the {@code 0::PATH} line; every file is
 * in one directory. cgroup v1: the line of each controller ({@code N:cpu,cpuacct:PATH}); the
 * hierarchy is mounted at {@code ROOT/cpu,cpuacct} (often with a {@code ROOT/cpuacct} link) or,
 * as on hosts that mount each controller alone, {@code ROOT/cpuacct}. A hybrid host's v2 mount
 * ({@code ROOT/unified}, no controllers) is not used.
 *
 * @param v2 the unified hierarchy
 * @param cpu the directory with {@code cpuacct.usage} (v1) or {@code cpu.stat} (v2)
 */
record ContainerCgroup(boolean v2, Path cpu, Path memory, Path blkio, Path pids) {

    private static final List<String> V1_CONTROLLERS = List.of("cpuacct", "memory", "blkio", "pids");

    /**
     * @param procCgroup the text of {@code /proc/PID/cgroup}
     * @param containerId the full ID: a cgroup path without it is not the container's (the PID
     *     was reused after the container stopped)
     * @throws NoSuchFileException when the process is not in the container's cgroup (any more)
     * @throws IOException when the file has no line for a controller dockstat reads
     */
    static ContainerCgroup locate(String procCgroup, Path root, String containerId) throws IOException {
        String[] lines = procCgroup.split("\n");
        if (Files.exists(root.resolve("cgroup.controllers"))) {
            for (String line : lines) {
                if (line.startsWith("0::")) {
                    Path dir = under(root, line.substring(3), containerId);
                    return new ContainerCgroup(true, dir, dir, dir, dir);
                }
            }
            throw new IOException("no cgroup v2 line in /proc/PID/cgroup");
        }
        Path[] dirs = new Path[V1_CONTROLLERS.size()];
        for (String line : lines) {
            int first = line.indexOf(':');
            int second = first < 0 ? -1 : line.indexOf(':', first + 1);
            if (second < 0) {
                continue;
            }
            String controllers = line.substring(first + 1, second);
            String path = line.substring(second + 1);
            for (String c : controllers.split(",")) {
                int i = V1_CONTROLLERS.indexOf(c);
                if (i >= 0) {
                    Path mount = root.resolve(controllers);
                    dirs[i] = under(Files.isDirectory(mount) ? mount : root.resolve(c), path, containerId);
                }
            }
        }
        for (int i = 0; i < dirs.length; i++) {
            if (dirs[i] == null) {
                throw new IOException("no cgroup v1 " + V1_CONTROLLERS.get(i) + " line in /proc/PID/cgroup");
            }
        }
        return new ContainerCgroup(false, dirs[0], dirs[1], dirs[2], dirs[3]);
    }

    private static Path under(Path mount, String path, String containerId) throws NoSuchFileException {
        if (!path.contains(containerId)) {
            throw new NoSuchFileException(path, null, "not the cgroup of container " + containerId);
        }
        String relative = path.startsWith("/") ? path.substring(1) : path;
        return relative.isEmpty() ? mount : mount.resolve(relative);
    }
}

package dev.dockstat.source.cgroup;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Received and sent bytes of a network namespace from {@code /proc/PID/net/dev}, summed over its
 * interfaces except the loopback: the engine reports the interfaces it attached to the container
 * (eth0, ...), never {@code lo}, so a {@code --network none} container (only {@code lo}) shows 0.
 */
record NetDev(long rx, long tx) {

    static final NetDev NONE = new NetDev(0, 0);

    static NetDev read(Path file) throws IOException {
        return parse(KernelFiles.read(file), file);
    }

    /** Two header lines, then {@code name: rx_bytes rx_packets ... (8 fields) tx_bytes ...} per interface. */
    static NetDev parse(String text, Path file) throws IOException {
        long rx = 0;
        long tx = 0;
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0 || line.indexOf('|') >= 0) {
                continue; // the headers
            }
            String name = line.substring(0, colon).strip();
            if (name.equals("lo")) {
                continue;
            }
            String[] f = line.substring(colon + 1).trim().split("\\s+");
            if (f.length < 9) {
                throw new IOException(file + ": interface " + name + " has " + f.length + " fields");
            }
            rx += KernelFiles.parse(f[0], file);
            tx += KernelFiles.parse(f[8], file);
        }
        return new NetDev(rx, tx);
    }
}

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

    static NetDev read(OpenFiles files, Path file) throws IOException {
        return parse(files.read(file), file);
    }

    /** Two header lines, then {@code name: rx_bytes rx_packets ... (8 fields) tx_bytes ...} per interface. */
    static NetDev parse(String text, Path file) throws IOException {
        long rx = 0;
        long tx = 0;
        int[] f = new int[18];
        int at = 0;
        while (at < text.length()) {
            int end = text.indexOf('\n', at);
            if (end < 0) {
                end = text.length();
            }
            int colon = text.indexOf(':', at);
            int bar = text.indexOf('|', at);
            if (colon >= 0 && colon < end && (bar < 0 || bar >= end)) { // not a header line
                int nameStart = at;
                while (nameStart < colon && text.charAt(nameStart) <= ' ') {
                    nameStart++;
                }
                boolean loopback = colon - nameStart >= 2 && text.startsWith("lo", nameStart)
                        && text.substring(nameStart + 2, colon).isBlank();
                if (!loopback) {
                    int n = KernelFiles.fields(text, colon + 1, end, f);
                    if (n < 9) {
                        throw new IOException(file + ": interface " + text.substring(at, colon).strip() + " has " + n + " fields");
                    }
                    rx += KernelFiles.parse(text, f[0], f[1], file);
                    tx += KernelFiles.parse(text, f[16], f[17], file);
                }
            }
            at = end + 1;
        }
        return new NetDev(rx, tx);
    }
}

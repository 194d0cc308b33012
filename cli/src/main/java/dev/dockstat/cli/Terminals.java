package dev.dockstat.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a standard stream is a terminal, without a native call: Linux names the device. */
public final class Terminals {

    private Terminals() {}

    /** @param fd 1 for stdout, 2 for stderr */
    public static boolean isTerminal(int fd) {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (Exception e) {
            return System.console() != null;
        }
    }
}

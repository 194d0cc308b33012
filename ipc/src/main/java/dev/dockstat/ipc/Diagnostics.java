package dev.dockstat.ipc;

import java.io.PrintWriter;

/** Human-readable lines for stderr (Dockhand's log); never stdout, never a secret. Thread-safe. */
@FunctionalInterface
public interface Diagnostics {

    String PREFIX = "[dockstat] ";

    void report(String message);

    /** Each report as one prefixed line, flushed at once. */
    static Diagnostics to(PrintWriter err) {
        return message -> {
            synchronized (err) {
                err.println(PREFIX + message);
                err.flush();
            }
        };
    }
}

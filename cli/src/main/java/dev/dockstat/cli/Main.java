package dev.dockstat.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The {@code dockstat} entry point: the only place that calls {@link System#exit}. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        // straight to the file descriptor, not System.out: a PrintStream swallows write errors, so a
        // streaming command could never see that the reader of a pipe went away (`dockstat stats | head`)
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(
                new java.io.FileOutputStream(java.io.FileDescriptor.out), StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = Dockstat.run(out, err, System.getenv(), args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}

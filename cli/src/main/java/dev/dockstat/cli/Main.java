package dev.dockstat.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The {@code dockstat} entry point: the only place that calls {@link System#exit}. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = Dockstat.run(out, err, System.getenv(), args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}

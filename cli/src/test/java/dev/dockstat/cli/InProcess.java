package dev.dockstat.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;

/** One dockstat command line run in this JVM, with its exit code and both outputs. */
public record InProcess(int code, String out, String err) {

    /** With this process's environment minus {@code DOCKER_HOST}: the test bed's default socket. */
    public static InProcess run(String... args) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.remove("DOCKER_HOST");
        return run(env, args);
    }

    public static InProcess run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Dockstat.run(new PrintWriter(out), new PrintWriter(err), env, args);
        return new InProcess(code, out.toString(), err.toString());
    }
}

package dev.dockstat.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs dockstat in-process, as Main would, with a process environment the test controls. */
final class CliRun {

    record Result(int code, String out, String err) {
        String both() {
            return out + err;
        }
    }

    private CliRun() {}

    /**
     * This process's environment without anything that picks an engine (DOCKER_*, DOCKSTAT_*), and
     * with {@code home} as HOME, so the machine's docker configuration cannot leak into a test.
     */
    static Map<String, String> cleanEnv(Path home) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.keySet().removeIf(k -> k.startsWith("DOCKER_") || k.startsWith("DOCKSTAT_"));
        env.put("HOME", home.toString());
        return env;
    }

    static Result run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Dockstat.run(new PrintWriter(out), new PrintWriter(err), env, args);
        return new Result(code, out.toString(), err.toString());
    }
}

package dev.dockstat.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** One dockstat command line run in this JVM, as Main would, with its exit code and both outputs. */
public record InProcess(int code, String out, String err) {

    private static final Path EMPTY_HOME = emptyHome();

    public String both() {
        return out + err;
    }

    /** With a clean environment (see {@link #cleanEnv}): the test bed's default socket. */
    public static InProcess run(String... args) {
        return run(cleanEnv(EMPTY_HOME), args);
    }

    public static InProcess run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Dockstat.run(new PrintWriter(out), new PrintWriter(err), env, args);
        return new InProcess(code, out.toString(), err.toString());
    }

    /**
     * This process's environment without anything that picks an engine (DOCKER_*, DOCKSTAT_*), and
     * with {@code home} as HOME, so the machine's docker configuration cannot leak into a test.
     */
    public static Map<String, String> cleanEnv(Path home) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.keySet().removeIf(k -> k.startsWith("DOCKER_") || k.startsWith("DOCKSTAT_"));
        env.put("HOME", home.toString());
        return env;
    }

    private static Path emptyHome() {
        try {
            Path home = Files.createTempDirectory("dockstat-home");
            home.toFile().deleteOnExit();
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

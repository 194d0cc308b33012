package dev.dockstat.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The packaged {@code dockstat} (target/bin/dockstat, as users run it) started as a process whose
 * stdout is a pipe: for the commands that run until stopped (stats, events). Lines are collected as
 * they arrive; {@link #close()} kills the process.
 */
public final class Launched implements AutoCloseable {

    public static final Path LAUNCHER = Path.of("target/bin/dockstat").toAbsolutePath();

    private final Process process;
    private final List<String> out = new ArrayList<>();
    private final StringBuilder err = new StringBuilder();
    private final StringBuilder raw = new StringBuilder();

    private Launched(Process process) {
        this.process = process;
        Thread.ofVirtual().start(() -> pump(process.getInputStream(), true));
        Thread.ofVirtual().start(() -> pump(process.getErrorStream(), false));
    }

    public static Launched start(Map<String, String> env, String... args) {
        if (!Files.isExecutable(LAUNCHER)) {
            throw new IllegalStateException(LAUNCHER + " is missing: the ITs run after 'package'");
        }
        List<String> cmd = new ArrayList<>(List.of(LAUNCHER.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("DOCKER_HOST");
        pb.environment().putAll(env);
        try {
            Launched l = new Launched(pb.start());
            l.process.getOutputStream().close();
            return l;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void pump(InputStream in, boolean stdout) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                synchronized (this) {
                    if (stdout) {
                        out.add(line);
                        raw.append(line).append('\n');
                    } else {
                        err.append(line).append('\n');
                    }
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
    }

    public synchronized List<String> lines() {
        return List.copyOf(out);
    }

    public synchronized String stdout() {
        return raw.toString();
    }

    public synchronized String stderr() {
        return err.toString();
    }

    /** Waits until the collected stdout lines satisfy the condition; the failure shows what came. */
    public void await(String what, Duration timeout, Predicate<List<String>> condition) {
        poll(timeout, () -> condition.test(lines()), () -> what + "; stdout so far (last 30 lines of " + lines().size()
                + "):\n" + tail() + "\nstderr:\n" + stderr());
    }

    public void awaitStderr(String what, Duration timeout, Predicate<String> condition) {
        poll(timeout, () -> condition.test(stderr()), () -> what + "; stderr so far:\n" + stderr());
    }

    /** {@link dev.dockstat.testbed.TestBed#await} with a message made when it fails, from what arrived by then. */
    public static void poll(Duration timeout, java.util.function.BooleanSupplier condition, java.util.function.Supplier<String> message) {
        try {
            dev.dockstat.testbed.TestBed.await("", timeout, condition);
        } catch (AssertionError e) {
            throw new AssertionError("timed out after " + timeout + " waiting for " + message.get());
        }
    }

    private String tail() {
        List<String> l = lines();
        return String.join("\n", l.subList(Math.max(0, l.size() - 30), l.size()));
    }

    public boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package dev.dockstat.faults;

import dev.dockstat.testbed.TestBed;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A program the suite runs as its users do (the packaged launchers, the docker CLI), with each line
 * of stdout and stderr kept with the time it arrived. Closing it stops the process and hands what
 * it printed to {@link Captured}.
 */
class ChildProcess implements AutoCloseable {

    /** The packaged launchers, built by the cli module before this one runs. */
    static final Path BIN = Path.of("..", "cli", "target", "bin").toAbsolutePath().normalize();

    /** A line and when it arrived ({@link System#currentTimeMillis()}). */
    record Line(long atMillis, String text) {}

    private final String name;
    private final Process process;
    private final OutputStream stdin;
    private final List<Line> out = new CopyOnWriteArrayList<>();
    private final List<Line> err = new CopyOnWriteArrayList<>();
    private final Thread outPump;
    private final Thread errPump;

    ChildProcess(String name, List<String> command, Map<String, String> env) {
        this.name = name;
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("DOCKER_HOST");
        pb.environment().remove("DOCKSTAT_DEBUG");
        pb.environment().putAll(env);
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(command + ": " + e.getMessage(), e);
        }
        stdin = process.getOutputStream();
        outPump = Thread.ofPlatform().daemon().name(name + "-stdout").start(() -> pump(process.getInputStream(), true));
        errPump = Thread.ofPlatform().daemon().name(name + "-stderr").start(() -> pump(process.getErrorStream(), false));
    }

    /** A packaged launcher from {@code cli/target/bin}. */
    static List<String> launcher(String name, String... args) {
        Path launcher = BIN.resolve(name);
        if (!Files.isExecutable(launcher)) {
            throw new IllegalStateException(launcher + " is missing: the fault suite runs after the cli module is packaged");
        }
        List<String> cmd = new ArrayList<>(List.of(launcher.toString()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private void pump(InputStream in, boolean stdout) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                Line l = new Line(System.currentTimeMillis(), line);
                if (stdout) {
                    out.add(l);
                    received(l);
                } else {
                    err.add(l);
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
    }

    /** Called on the stdout pump for each line (after it is kept). */
    protected void received(Line line) {}

    /** Writes one line to the child's stdin. */
    void send(String line) {
        send((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    void send(byte[] bytes) {
        try {
            stdin.write(bytes);
            stdin.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(name + " does not read its stdin any more: " + e.getMessage() + "\n" + errText(), e);
        }
    }

    void closeStdin() {
        try {
            stdin.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    List<Line> out() {
        return List.copyOf(out);
    }

    List<Line> err() {
        return List.copyOf(err);
    }

    String errText() {
        return String.join("\n", err.stream().map(Line::text).toList());
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Waits for the process to end; its exit code. */
    int exitCode(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(name + " still running after " + timeout + "; stderr:\n" + errText());
        }
        try {
            outPump.join(Duration.ofSeconds(5));
            errPump.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return process.exitValue();
    }

    /** {@link TestBed#await} whose failure shows the child's last output. */
    void await(String what, Duration timeout, BooleanSupplier condition) {
        try {
            TestBed.await(what, timeout, condition);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + " (" + name + ")\nstdout, last lines:\n" + tail(out) + "\nstderr:\n" + tail(err), e);
        }
    }

    private static String tail(List<Line> lines) {
        List<Line> l = List.copyOf(lines);
        return String.join("\n", l.subList(Math.max(0, l.size() - 40), l.size()).stream().map(x -> {
            String t = x.text();
            return t.length() > 300 ? t.substring(0, 300) + "..." : t;
        }).toList());
    }

    @Override
    public void close() {
        closeStdin();
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            outPump.join(Duration.ofSeconds(2));
            errPump.join(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Captured.keep(name + ".stdout", out.stream().map(Line::text).toList());
        Captured.keep(name + ".stderr", err.stream().map(Line::text).toList());
    }
}

package dev.dockstat.cli;

import dev.dockstat.cli.commands.ServeIpcCommand;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The {@code dockstat} entry point: the only place that ends the process. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        // straight to the file descriptor, not System.out: a PrintStream swallows write errors, so a
        // streaming command could never see that the reader of a pipe went away (`dockstat stats | head`)
        PrintWriter out = new PrintWriter(new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        if (args.length == 1 && args[0].equals("serve-ipc")) {
            // Dockhand's exact invocation, on every worker (re)start: nothing to parse, so the
            // command-line model (about 175 classes, 100+ ms of a cold start) is not built
            System.exit(ServeIpcCommand.serve(System.getenv(), err));
        }
        if (args.length == 1 && args[0].equals("__train-ipc")) {
            // the build's training run for the worker's AOT cache: the same path, also without picocli
            try {
                dev.dockstat.cli.train.IpcTrainingRun.run();
            } catch (Exception e) {
                err.println("dockstat: IPC training run failed: " + e);
                err.flush();
                System.exit(1);
            }
            System.exit(0);
        }
        int code = Dockstat.run(out, err, System.getenv(), args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * Ends the process from a shutdown hook (SIGTERM, SIGINT) with {@code status} instead of the
     * JVM's 128 + signal. {@link Runtime#halt} because {@link System#exit} would wait for the very
     * hook that calls it; the hooks have done their work by then ({@link Shutdown}).
     */
    static void endAfterSignal(int status) {
        Runtime.getRuntime().halt(status);
    }
}

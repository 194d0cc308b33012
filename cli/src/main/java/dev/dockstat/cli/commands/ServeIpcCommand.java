package dev.dockstat.cli.commands;

import dev.dockstat.cli.Shutdown;
import dev.dockstat.ipc.Diagnostics;
import dev.dockstat.ipc.IpcServer;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code dockstat serve-ipc}: Dockhand's collection worker, JSON lines on stdin and stdout. */
@Command(name = "serve-ipc", mixinStandardHelpOptions = true,
        description = {
            "Run as the collection worker of the Dockhand server (a drop-in for its Go worker, which Dockhand "
                    + "starts as `collection-worker` with no arguments).",
            "",
            "Reads one JSON command per line on stdin: configure (an environment: socket, http or https with "
                    + "PEM texts, optional hawserToken), remove, set_metrics_interval, set_event_mode, shutdown, "
                    + "and container_metrics (per-container history). Writes one JSON message per line on stdout: "
                    + "ready first, then env_status, metrics, container_event, disk_usage, error and "
                    + "container_metrics replies. Diagnostics go to stderr only.",
            "",
            "Stops with status 0 on stdin EOF, a shutdown command, SIGTERM or SIGINT.",
            "",
            "Environment: SKIP_DF_COLLECTION=true|1 turns disk usage off; DOCKSTAT_DISK_DELAY_MS (default 10000) "
                    + "and DOCKSTAT_DISK_INTERVAL_MS (default 300000) pace it; DOCKSTAT_DEBUG=1 logs each round's "
                    + "duration."},
        footer = {"", "Example (stdin stays open for 35 s, then EOF stops the worker):",
            "  (echo '{\"type\":\"configure\",\"envId\":1,\"config\":{\"type\":\"socket\"}}'; sleep 35) \\",
            "    | dockstat serve-ipc",
            "  {\"type\":\"ready\"}",
            "  {\"type\":\"env_status\",\"envId\":1,\"online\":true}",
            "  {\"type\":\"metrics\",\"envId\":1,\"cpu\":25.1,\"memPercent\":0.01,\"memUsed\":2838528,",
            "   \"memTotal\":25276510208,\"cpuCount\":2}"})
public final class ServeIpcCommand extends BaseCommand {

    @Override
    public Integer call() {
        return serve(env, err());
    }

    /**
     * Serves stdin/stdout until stdin ends, a {@code shutdown} command, SIGTERM or SIGINT; returns
     * the exit status (0). Also called by {@code Main} directly for Dockhand's exact invocation.
     */
    public static int serve(Map<String, String> env, PrintWriter err) {
        // stdout belongs to the protocol: anything printing to System.out by mistake lands on stderr
        FileOutputStream stdout = new FileOutputStream(FileDescriptor.out);
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
        IpcServer server = new IpcServer(new FileInputStream(FileDescriptor.in), stdout, Diagnostics.to(err), env);
        // a requested stop (SIGTERM/SIGINT) ends with status 0, not the JVM's 143/130, as soon as the
        // environments are stopped: the reader of stdin is not waited for
        try (Shutdown shutdown = Shutdown.onSignal(server::stop, Duration.ZERO).exitStatus(0)) {
            server.run();
        }
        return 0;
    }
}

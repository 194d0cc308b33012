package dev.dockstat.ipc;

import dev.dockstat.core.api.DockerClient;
import dev.dockstat.core.io.BoundedLineReader;
import dev.dockstat.core.loop.StartSlots;
import dev.dockstat.core.api.EngineStatsSource;
import dev.dockstat.core.source.SourceChoice;
import dev.dockstat.core.source.SourceSettings;
import dev.dockstat.core.source.SourceUnavailableException;
import dev.dockstat.core.api.StatsSource;
import dev.dockstat.core.source.StatsSourceRegistry;
import dev.dockstat.core.spi.Endpoint;
import dev.dockstat.core.transport.TransportRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/**
 * The collection worker: {@code ready} on stdout, then one command per stdin line until stdin
 * ends, a {@code shutdown} arrives or {@link #stop()} is called; every environment is stopped
 * before {@link #run()} returns. See docs/serve-ipc.md for the messages.
 *
 * <p>Lines up to {@link #MAX_LINE} are read; a longer one is skipped once it passes the cap (never
 * buffered whole), and a line that is not a valid message is skipped, each with a diagnostic on
 * stderr. A flood of bad lines is summarised rather than echoed line by line.
 */
public final class IpcServer {

    /** The longest stdin line accepted (docs/serve-ipc.md: 10 MiB). */
    public static final int MAX_LINE = 10 * 1024 * 1024;

    private final InputStream in;
    private final Outbox outbox;
    private final Diagnostics diagnostics;
    private final Map<String, String> env;
    private final RateLimitedReports badLines;
    private volatile Dispatcher dispatcher;
    private TransportRegistry registry;
    private StatsSourceRegistry sources;

    /**
     * @param out the real stdout; nothing else may write to it
     * @param env the process environment ({@link WorkerEnvironment} lists what is read)
     */
    /** First metrics rounds of the environments, spread: Dockhand configures them all in one write. */
    private final StartSlots startSlots = new StartSlots();

    public IpcServer(InputStream in, OutputStream out, Diagnostics diagnostics, Map<String, String> env) {
        this.in = in;
        this.outbox = new Outbox(out, diagnostics);
        this.diagnostics = diagnostics;
        this.env = Map.copyOf(env);
        this.badLines = new RateLimitedReports(diagnostics);
    }

    /** Serves until stdin ends, {@code shutdown}, or {@link #stop()}; then stops every environment. */
    public void run() {
        // first, before anything heavier loads: the parent waits for this line to send its commands
        outbox.send(new Outbound.Ready());
        WorkerEnvironment worker = WorkerEnvironment.of(env, diagnostics);
        Dispatcher d = new Dispatcher((configure, settings) -> {
            Endpoint endpoint = ConfiguredEndpoint.of(configure);
            DockerClient client = new DockerClient(endpoint, registry().open(endpoint));
            client.useStatsSource(statsSource(configure, client, worker.verbose()));
            return new WatchSession(configure.envId(), configure.name(), client, settings, outbox, diagnostics,
                    worker.verbose(), startSlots).start();
        }, worker.settings(), outbox, diagnostics);
        dispatcher = d;
        String ending;
        try (HeapTrim trim = HeapTrim.every(worker.heapTrim(), System::gc)) {
            ending = serve(d, new BoundedLineReader(in, MAX_LINE));
        }
        badLines.flush();
        d.stopAll();
        diagnostics.report(ending + ": stopped");
    }

    /** Reads and applies lines; returns why it stopped. */
    private String serve(Dispatcher d, BoundedLineReader lines) {
        long oversized = 0;
        try {
            while (lines.advance()) {
                oversized = reportOversized(lines, oversized);
                Inbound message;
                try {
                    message = InboundDecoder.decode(lines.array(), lines.length());
                } catch (InboundDecoder.WireException e) {
                    badLines.report("invalid message: " + e.getMessage());
                    continue;
                }
                if (message instanceof Inbound.Unknown unknown) {
                    badLines.report("unknown message type: " + (unknown.type() == null ? "" : unknown.type()));
                    continue;
                }
                badLines.flush(); // a flood, if any, is over: say how many were skipped
                if (!d.handle(message)) {
                    return "shutdown";
                }
            }
            reportOversized(lines, oversized);
            return "stdin closed";
        } catch (IOException e) {
            return "stdin failed (" + e.getMessage() + ")";
        }
    }

    private long reportOversized(BoundedLineReader lines, long reported) {
        for (long n = reported; n < lines.oversized(); n++) {
            badLines.report("skipped a line longer than " + MAX_LINE + " bytes");
        }
        return lines.oversized();
    }

    /**
     * The source the environment's rounds read counters from, chosen at its first round (choosing
     * may ask the engine, which this command loop must not wait for). A {@code statsSource} the
     * worker cannot honour is one line on stderr and the engine's API; the worker keeps going.
     */
    private StatsSource statsSource(Inbound.Configure configure, DockerClient client, boolean verbose) {
        String label = "env " + configure.envId() + ": ";
        String asked = configure.statsSource() != null ? configure.statsSource() : env.getOrDefault("DOCKSTAT_SOURCE", "auto");
        SourceChoice choice;
        SourceSettings settings;
        try {
            choice = SourceChoice.parse(asked);
            settings = SourceSettings.fromEnvironment(env);
        } catch (IllegalArgumentException e) {
            diagnostics.report(label + e.getMessage() + "; reading the engine's stats API");
            return new EngineStatsSource(client);
        }
        try {
            return sources().deferred(choice, client, settings, line -> {
                if (verbose) {
                    diagnostics.report(label + line);
                }
            }, line -> diagnostics.report(label + line));
        } catch (SourceUnavailableException e) {
            diagnostics.report(label + e.getMessage() + "; reading the engine's stats API instead");
            return new EngineStatsSource(client);
        }
    }

    private synchronized StatsSourceRegistry sources() {
        if (sources == null) {
            sources = StatsSourceRegistry.load();
        }
        return sources;
    }

    private synchronized TransportRegistry registry() {
        if (registry == null) {
            registry = TransportRegistry.load().onWarning(diagnostics::report); // e.g. skipVerify, on stderr with the others
        }
        return registry;
    }

    /** Stops every environment at once (a signal, or a test); {@link #run()} returns at its next read. */
    public void stop() {
        Dispatcher d = dispatcher;
        if (d != null) {
            d.stopAll();
        }
    }

    /**
     * Diagnostics for bad input lines: the first few in each minute are reported as they come, the
     * rest as one count, so a flood does not become a flood in Dockhand's log.
     */
    static final class RateLimitedReports {
        static final int PER_WINDOW = 20;
        static final long WINDOW_NANOS = 60_000_000_000L;

        private final Diagnostics diagnostics;
        private long windowStart = System.nanoTime();
        private int inWindow;
        private long suppressed;

        RateLimitedReports(Diagnostics diagnostics) {
            this.diagnostics = diagnostics;
        }

        void report(String message) {
            long now = System.nanoTime();
            if (now - windowStart > WINDOW_NANOS) {
                flush();
                windowStart = now;
                inWindow = 0;
            }
            if (inWindow < PER_WINDOW) {
                inWindow++;
                diagnostics.report(message);
            } else {
                if (suppressed == 0) {
                    diagnostics.report("more bad lines follow; counting them instead of reporting each");
                }
                suppressed++;
            }
        }

        void flush() {
            if (suppressed > 0) {
                diagnostics.report(suppressed + " more bad lines skipped");
                suppressed = 0;
            }
        }
    }
}

package dev.dockstat.synthetic;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Many synthetic Docker engines in one process, each on its own loopback port, plus a control API for
 * faults and counters. Prints one {@code ready} line on stdout when every port listens; logs go to stderr.
 * See docs/synthetic-engine.md.
 */
public final class SyntheticFleet implements AutoCloseable {

    private final FleetOptions options;
    private final ScheduledExecutorService ticker;
    private final List<SyntheticEngine> engines = new ArrayList<>();
    private final AttemptHistogram attempts = new AttemptHistogram();
    private final LoopbackServer control;

    private SyntheticFleet(FleetOptions options) {
        this.options = options;
        // the one platform thread that runs every engine's collector ticks and churn
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "synthetic-ticker");
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < options.engines(); i++) {
            engines.add(new SyntheticEngine(i, options.portBase() + i, options, ticker, attempts));
        }
        ControlApi api = new ControlApi(engines, attempts);
        this.control = new LoopbackServer("control", options.controlPort(), api::handle, ControlApi.headers(),
                new ConnectionCounters(new AttemptHistogram()), null);
    }

    /** Starts a fleet in this process (tests); every port listens when it returns. */
    public static SyntheticFleet start(String... args) throws IOException {
        SyntheticFleet fleet = new SyntheticFleet(FleetOptions.parse(args));
        try {
            fleet.listen();
        } catch (IOException | RuntimeException e) {
            fleet.close();
            throw e;
        }
        return fleet;
    }

    private void listen() throws IOException {
        for (SyntheticEngine e : engines) {
            e.listen();
            if (options.churnSeconds() > 0) {
                e.churnEvery(options.churnSeconds(), engines.size());
            }
        }
        control.listen();
    }

    /** {@code tcp://127.0.0.1:PORT} of engine {@code i}. */
    public String engineUri(int i) {
        return "tcp://127.0.0.1:" + (options.portBase() + i);
    }

    /** Engine {@code i} itself, for tests in this package that make it act (churn) or fail. */
    SyntheticEngine engine(int i) {
        return engines.get(i);
    }

    public String controlUri() {
        return "http://127.0.0.1:" + options.controlPort();
    }

    /** The ready line, as printed on stdout. */
    public String readyLine() {
        return "ready engines=" + options.engines() + " ports=" + options.portBase() + "-"
                + (options.portBase() + options.engines() - 1) + " control=" + options.controlPort();
    }

    @Override
    public void close() {
        control.close();
        for (SyntheticEngine e : engines) {
            e.server.close();
        }
        ticker.shutdownNow();
    }

    public static void main(String[] args) {
        SyntheticFleet fleet;
        try {
            fleet = start(args);
        } catch (IllegalArgumentException e) {
            System.err.println("synthetic-fleet: " + e.getMessage());
            System.err.println(FleetOptions.USAGE);
            System.exit(2);
            return;
        } catch (IOException e) {
            System.err.println("synthetic-fleet: cannot listen: " + e.getMessage());
            System.exit(1);
            return;
        }
        System.out.println(fleet.readyLine());
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(fleet::close, "synthetic-shutdown"));
        try {
            Thread.currentThread().join(); // serve until killed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

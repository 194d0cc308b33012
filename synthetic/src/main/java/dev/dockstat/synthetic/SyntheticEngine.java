package dev.dockstat.synthetic;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One synthetic engine: its containers, collector, events, faults and the HTTP API over them on one
 * loopback port.
 */
final class SyntheticEngine {

    /** Exited containers kept (then removed, with a destroy event), so a long churn does not grow without end. */
    private static final int EXITED_KEPT = 50;

    final int index;
    final String engineId;
    final SyntheticHost host;
    final long startNanos;
    private final Random random;
    private final double cpuPercent;
    private final ScheduledExecutorService ticker;
    final StatsCollector collector;
    final EventLog events = new EventLog();
    final EngineFaults faults;
    final ConnectionCounters counters;
    final LoopbackServer server;
    private final EngineApi api;
    /** By ID, oldest first; guarded by this. */
    private final LinkedHashMap<String, SyntheticContainer> containers = new LinkedHashMap<>();
    private int nextName;

    SyntheticEngine(int index, int port, FleetOptions options, ScheduledExecutorService ticker, AttemptHistogram attempts) {
        this.index = index;
        this.random = new Random(options.seed() * 1_000_003L + index);
        this.engineId = engineIdentity(random);
        this.startNanos = Times.nowNanos();
        this.host = new SyntheticHost(options.hostCpus(), 16L << 30,
                startNanos - (long) ((2 + random.nextInt(20)) * 86_400e9)); // booted days ago
        this.cpuPercent = options.cpuPercent();
        this.ticker = ticker;
        this.collector = new StatsCollector(ticker, host);
        this.faults = new EngineFaults(options.latencyMillis());
        this.counters = new ConnectionCounters(attempts);
        this.api = new EngineApi(this);
        this.server = new LoopbackServer("engine-" + index, port, api::handle, EngineApi.HEADERS, counters, faults);
        for (int i = 0; i < options.containers(); i++) {
            createAndStart();
        }
    }

    private static String engineIdentity(Random random) {
        StringBuilder b = new StringBuilder();
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        for (int i = 0; i < 12; i++) {
            if (i > 0) {
                b.append(':');
            }
            for (int j = 0; j < 4; j++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
        }
        return b.toString();
    }

    String name() {
        return "synthetic-" + index;
    }

    /** Every {@code seconds}, stop the oldest running container and start a new one; phases spread over engines. */
    void churnEvery(int seconds, int engines) {
        long period = seconds * 1000L;
        long phase = period * index / Math.max(1, engines);
        ticker.scheduleAtFixedRate(() -> {
            try {
                churn();
            } catch (RuntimeException e) {
                System.err.println(name() + ": churn failed: " + e);
            }
        }, period + phase, period, TimeUnit.MILLISECONDS);
    }

    void churn() {
        SyntheticContainer oldest = null;
        synchronized (this) {
            for (SyntheticContainer c : containers.values()) {
                if (c.running()) {
                    oldest = c;
                    break;
                }
            }
        }
        if (oldest != null) {
            stop(oldest);
        }
        createAndStart();
    }

    /** Creates a container with a name never used before on this engine, and starts it. */
    SyntheticContainer createAndStart() {
        SyntheticContainer c;
        synchronized (this) {
            ImageSpec image = FleetImages.forContainer(nextName);
            String name = FleetImages.role(image) + "-" + (nextName++);
            SortedMap<String, String> labels = new TreeMap<>();
            labels.put("com.docker.compose.project", "fleet" + index);
            labels.put("com.docker.compose.service", FleetImages.role(image));
            labels.put("dockstat.synthetic", "1");
            c = new SyntheticContainer(Ids.hex(random, 64), name, image, labels, Times.nowNanos(), cpuPercent,
                    FleetImages.BRIDGE_ID, random);
            containers.put(c.id, c);
        }
        events.emit("container", "create", c.id, c.eventAttributes(), c.image.reference());
        events.emit("network", "connect", FleetImages.BRIDGE_ID, network(c), null);
        c.start(Times.nowNanos());
        events.emit("container", "start", c.id, c.eventAttributes(), c.image.reference());
        removeOldExited();
        return c;
    }

    /** {@code docker stop}: the process takes SIGTERM and exits. */
    void stop(SyntheticContainer c) {
        if (!c.running()) {
            return;
        }
        SortedMap<String, String> kill = c.eventAttributes();
        kill.put("signal", "15");
        events.emit("container", "kill", c.id, kill, c.image.reference());
        c.stop(Times.nowNanos(), 0);
        collector.stopped(c);
        SortedMap<String, String> die = c.eventAttributes();
        die.put("exitCode", "0");
        events.emit("container", "die", c.id, die, c.image.reference());
        events.emit("network", "disconnect", FleetImages.BRIDGE_ID, network(c), null);
        events.emit("container", "stop", c.id, c.eventAttributes(), c.image.reference());
    }

    private void removeOldExited() {
        List<SyntheticContainer> removed = new ArrayList<>();
        synchronized (this) {
            long exited = containers.values().stream().filter(c -> !c.running()).count();
            for (var it = containers.values().iterator(); it.hasNext() && exited > EXITED_KEPT; ) {
                SyntheticContainer c = it.next();
                if (!c.running()) {
                    it.remove();
                    removed.add(c);
                    exited--;
                }
            }
        }
        for (SyntheticContainer c : removed) {
            events.emit("container", "destroy", c.id, c.eventAttributes(), c.image.reference());
        }
    }

    private static SortedMap<String, String> network(SyntheticContainer c) {
        SortedMap<String, String> a = new TreeMap<>();
        a.put("container", c.id);
        a.put("name", "bridge");
        a.put("type", "bridge");
        return a;
    }

    synchronized List<SyntheticContainer> containers() {
        return new ArrayList<>(containers.values());
    }

    /** By full ID, name (with or without its slash) or unique ID prefix, as dockerd resolves them; null if none. */
    synchronized SyntheticContainer find(String idOrName) {
        SyntheticContainer c = containers.get(idOrName);
        if (c != null) {
            return c;
        }
        String name = idOrName.startsWith("/") ? idOrName.substring(1) : idOrName;
        for (SyntheticContainer x : containers.values()) {
            if (x.name.equals(name)) {
                return x;
            }
        }
        SyntheticContainer found = null;
        for (SyntheticContainer x : containers.values()) {
            if (!idOrName.isEmpty() && x.id.startsWith(idOrName)) {
                if (found != null) {
                    return null;
                }
                found = x;
            }
        }
        return found;
    }

    // --- faults, from the control API ---

    void listen() throws IOException {
        server.listen();
    }

    void down(long seconds, EngineFaults.DownMode mode) {
        faults.down(seconds, mode);
        if (mode == EngineFaults.DownMode.REFUSE) {
            server.stopListening();
        }
        server.closeConnections();
        if (seconds > 0) {
            long until = faults.downUntilMillis();
            ticker.schedule(() -> {
                if (faults.downUntilMillis() == until) {
                    up();
                }
            }, seconds, TimeUnit.SECONDS);
        }
    }

    void up() {
        faults.up();
        try {
            server.listen();
        } catch (IOException e) {
            System.err.println(name() + ": cannot listen again on " + server.port() + ": " + e.getMessage());
        }
    }

    void stall() {
        faults.stall();
    }

    /** A daemon restart with live-restore: containers keep running, connections and the event buffer are lost. */
    void restart() {
        server.closeConnections();
        events.forget();
    }

    Map<String, Object> describe() {
        return Map.of("index", index, "port", server.port());
    }
}

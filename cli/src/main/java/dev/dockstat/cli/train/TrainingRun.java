package dev.dockstat.cli.train;

import dev.dockstat.cli.Dockstat;
import dev.dockstat.cli.live.DetailFrame;
import dev.dockstat.cli.live.IoRates;
import dev.dockstat.cli.live.LiveFrame;
import dev.dockstat.cli.live.Styles;
import dev.dockstat.cli.live.SortKey;
import dev.dockstat.cli.render.DiskUsageFormat;
import dev.dockstat.cli.render.EventFormat;
import dev.dockstat.cli.render.StatsRow;
import dev.dockstat.cli.render.StatsTable;
import dev.dockstat.cli.stats.Engines;
import dev.dockstat.cli.stats.StatsOnce;
import dev.dockstat.core.api.DockerClient;
import dev.dockstat.core.api.EventLines;
import dev.dockstat.core.api.EventQuery;
import dev.dockstat.core.df.DiskUsage;
import dev.dockstat.core.env.Environment;
import dev.dockstat.core.spi.Endpoint;
import dev.dockstat.core.stats.Round;
import dev.dockstat.core.stats.StatsCollector;
import dev.dockstat.core.transport.TransportRegistry;
import dev.dockstat.core.source.SourceChoice;
import dev.dockstat.core.source.SourceSettings;
import dev.dockstat.core.source.StatsSourceRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.PrintWriter;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the build runs to record the AOT caches ({@code -XX:AOTCacheOutput}) on canned engine answers,
 * so no engine is needed and a run takes a fraction of a second. Prints nothing.
 *
 * <p>Two caches, because a JDK 25 AOT cache loads every class it holds at start-up: the start-up
 * one ({@code startupOnly}: command line parsing, version, help) for the quick commands, and the
 * full one (also the client, JSON, stats rounds, every renderer, the live view's frame) for the
 * commands that talk to an engine. The quick commands would otherwise pay for preloading some
 * 2,000 classes they never use.
 */
public final class TrainingRun {

    private TrainingRun() {}

    public static void run(Map<String, String> env, boolean startupOnly) throws IOException {
        PrintWriter sink = new PrintWriter(Writer.nullWriter());
        for (String[] args : List.of(new String[] {"--version"}, new String[] {"--help"}, new String[] {"stats", "--help"},
                new String[] {"events", "--help"}, new String[] {"df", "--help"}, new String[] {"completion", "--help"},
                new String[] {"nope"})) {
            Dockstat.run(sink, sink, env, args);
        }
        if (startupOnly) {
            return;
        }
        TransportRegistry.load();

        Environment canned = new Environment("canned", Endpoint.of("unix:///canned.sock"));
        try (DockerClient client = new DockerClient(canned.endpoint(), new CannedEngine())) {
            Engines engines = Engines.of(List.of(new Engines.Engine(canned, client)));
            for (String format : new String[] {null, "json", "table {{.Name}}\t{{.CPUPerc}}"}) {
                StatsOnce.print(engines, List.of(), false, false, StatsTable.format(format, false), sink, sink);
            }
            List<StatsRow> rows = new ArrayList<>();
            try (StatsCollector collector = new StatsCollector(client)) {
                Round round = collector.collect(false, c -> true);
                round.stats().forEach(s -> rows.add(new StatsRow(s.id(), canned.name(), s, false)));
            }
            List<LiveFrame.Line> lines = rows.stream().map(r -> new LiveFrame.Line(r, new float[] {1f, 50f, 99f})).toList();
            new LiveFrame(lines, 1, SortKey.CPU, false, "12:00:00", List.of()).render(120, 30);
            if (!lines.isEmpty()) { // the live view's container screen too
                float[] points = {1f, 50f, 99f};
                new DetailFrame(lines.get(0), true, points, points, 3000,
                        new IoRates.Series(points, points, points, points, 3000), null, null, "12:00:00", List.of(), Styles.COLOR).render(120, 30);
            }

            DiskUsage du = client.diskUsage();
            DiskUsageFormat df = new DiskUsageFormat(Instant.now(), ZoneId.systemDefault());
            sink.print(df.summary(du, DiskUsageFormat.summaryFormat("table")));
            sink.print(df.verboseTables(du));
            sink.print(df.verboseJson(du));

            EventFormat pretty = EventFormat.parse(null, ZoneId.systemDefault());
            EventFormat json = EventFormat.parse("json", ZoneId.systemDefault());
            try (EventLines events = client.events(EventQuery.containers().since("0").until("1"))) {
                byte[] line;
                while ((line = events.next()) != null) {
                    sink.println(pretty.line(line));
                    sink.println(json.line(line));
                }
            }
        }
        overTheSocket(sink);
        sink.flush();
    }

    /**
     * A host as the kernel source reads it (cgroup v2), where PID 4242 is the main process of the
     * canned container {@code id}: the others, whose cgroup this PID is not in, go through the
     * engine, so both paths are trained.
     */
    private static void kernelTree(Path dir, String id) throws IOException {
        String scope = "cgroup/system.slice/docker-" + id + ".scope/";
        String[][] files = {
            {"cgroup/cgroup.controllers", "cpuset cpu io memory pids\n"},
            {"proc/4242/cgroup", "0::/system.slice/docker-" + id + ".scope\n"},
            {"proc/4242/net/dev", "Inter-|   Receive |  Transmit\n face |bytes packets|bytes packets\n"
                    + "    lo: 1 1 0 0 0 0 0 0 1 1 0 0 0 0 0 0\n  eth0: 1500 12 0 0 0 0 0 0 700 8 0 0 0 0 0 0\n"},
            {"proc/stat", "cpu  100 0 50 1000 1 0 2 0 0 0\ncpu0 100 0 50 1000 1 0 2 0 0 0\nintr 0\n"},
            {"proc/meminfo", "MemTotal:       24684092 kB\n"},
            {scope + "cpu.stat", "usage_usec 5000\nuser_usec 4000\nsystem_usec 1000\n"},
            {scope + "memory.current", "1048576\n"},
            {scope + "memory.max", "max\n"},
            {scope + "memory.stat", "anon 524288\nfile 524288\ninactive_file 262144\n"},
            {scope + "io.stat", "8:0 rbytes=4096 wbytes=8192 rios=1 wios=2 dbytes=0 dios=0\n"},
            {scope + "pids.current", "1\n"},
        };
        for (String[] f : files) {
            Path file = dir.resolve(f[0]);
            Files.createDirectories(file.getParent());
            Files.writeString(file, f[1]);
        }
    }

    /**
     * {@code stats --no-stream} through the real unix transport and the stats source a local engine
     * gets, against {@link CannedSocket}. Best effort: without unix sockets the cache simply lacks
     * these classes.
     */
    private static void overTheSocket(PrintWriter sink) {
        try {
            Path dir = Files.createTempDirectory("dockstat-train");
            try (CannedSocket socket = CannedSocket.start(dir.resolve("engine.sock"))) {
                Environment local = new Environment("train", Endpoint.of("unix://" + socket.socket()));
                try (DockerClient client = local.connect(TransportRegistry.load())) {
                    SourceSettings kernel = new SourceSettings(SourceSettings.MIN_SPACING, dir.resolve("proc"), dir.resolve("cgroup"));
                    kernelTree(dir, "4f5e6d7c8b9a"); // web, as the unnamed run asks for it (short ID)
                    StatsSourceRegistry.load().attach(SourceChoice.AUTO, client, kernel, l -> {});
                    Engines engines = Engines.of(List.of(new Engines.Engine(local, client)));
                    StatsOnce.print(engines, List.of(), false, false, StatsTable.format(null, false), sink, sink);
                    StatsOnce.print(engines, List.of("web"), false, false, StatsTable.format("json", false), sink, sink);
                }
                // and the way a user runs them: the command's own path (its options, the engine's
                // resolution, the run's set-up, the transport's first request) was otherwise
                // parsed from the jar and its method handles spun at every run: ~70 classes and
                // a quarter of the time from the command's start to its first reading
                String host = "unix://" + socket.socket();
                for (String[] args : List.of(new String[] {"-H", host, "stats", "--no-stream"},
                        new String[] {"stats", "-H", host, "--no-stream", "--format", "json", "web"},
                        new String[] {"df", "-H", host}, new String[] {"events", "-H", host, "--since", "0", "--until", "1"})) {
                    Dockstat.run(sink, sink, Map.of(), args);
                }
            } finally {
                try (var files = Files.walk(dir)) {
                    for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        } catch (IOException | dev.dockstat.core.spi.TransportConfigException | RuntimeException e) {
            sink.println("no training over a unix socket: " + e);
        }
    }
}

package dev.dockstat.transport.unix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockstat.core.api.DockerClient;
import dev.dockstat.core.api.EventLines;
import dev.dockstat.core.api.EventQuery;
import dev.dockstat.core.df.DiskUsage;
import dev.dockstat.core.env.Environment;
import dev.dockstat.core.spi.Endpoint;
import dev.dockstat.core.stats.ContainerStats;
import dev.dockstat.core.stats.StatsSnapshot;
import dev.dockstat.core.transport.TransportRegistry;
import dev.dockstat.testbed.TestBed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * dockstat against the test bed's Podman service ({@code scripts/testbed podman-up}; docs/podman.md):
 * the figures {@code --no-stream} computes (two one-shot readings, {@link StatsSnapshot}) against the
 * kernel's accounting and Podman's own, and {@code /system/df} against {@code podman system df}.
 */
class PodmanIT {

    private static final int READINGS = 10;

    private TestBed bed;
    private DockerClient client;

    @BeforeEach
    void connect() throws Exception {
        bed = TestBed.get();
        Assumptions.assumeTrue(bed.podmanSocketUri() != null, "no Podman service: scripts/testbed podman-up");
        client = new Environment("podman", Endpoint.of(bed.podmanSocketUri())).connect(TransportRegistry.load());
    }

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
    }

    @Test
    void theEngineIsKnownAsPodman() {
        client.ping(DockerClient.PING_TIMEOUT);
        assertTrue(client.flavour().name().startsWith("podman 4."), client.flavour().name());
    }

    @Test
    void aBurnerHeldToHalfACpuReadsFifty() {
        String id = bed.podmanRun("podman-it-burn", "--cpus", "0.5", TestBed.IMAGE, "sh", "-c", "while :; do :; done");
        try {
            StatsSnapshot.take(client, List.of(id)); // warm up: the burner reaches its quota
            List<Double> ours = new ArrayList<>();
            long[] before = cgroupCpuNanos(id);
            for (int i = 0; i < READINGS; i++) {
                StatsSnapshot.Entry e = StatsSnapshot.take(client, List.of(id)).get(0);
                assertTrue(e.ok(), () -> String.valueOf(e.error()));
                ours.add(e.stats().cpuPercent());
            }
            long[] after = cgroupCpuNanos(id);
            double kernel = (double) (after[0] - before[0]) / (after[1] - before[1]) * 100;
            double mean = ours.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            String figures = String.format(Locale.ROOT, "dockstat mean %.2f %s, kernel %.2f", mean, ours, kernel);
            System.out.println("[podman burner] " + figures);
            // the 2 cores are shared: a burner the kernel did not hold at its quota is not judged against it
            Assumptions.assumeTrue(Math.abs(kernel - 50) <= 1.0, "burner starved by other load: " + figures);
            assertEquals(50, mean, 3, figures);
            assertEquals(kernel, mean, 1, figures);
        } finally {
            bed.podman("rm", "-f", "-t", "0", "podman-it-burn");
        }
    }

    @Test
    void memoryMatchesPodmanStats() throws IOException {
        String id = bed.podmanRun("podman-it-mem", "-m", "64m", TestBed.IMAGE, "sh", "-c",
                "dd if=/dev/zero of=/tmp/fill bs=1M count=20 2>/dev/null; sleep 100000");
        try {
            TestBed.await("the 20 MB file written", java.time.Duration.ofSeconds(30),
                    () -> client.stats(id, DockerClient.StatsMode.ONE_SHOT).memUsage() >= 20L << 20);
            ContainerStats ours = StatsSnapshot.take(client, List.of(id)).get(0).stats();
            JsonNode theirs = new ObjectMapper().readTree(bed.podman("stats", "--no-stream", "--format", "json", id));
            String[] usage = theirs.path(0).path("mem_usage").asText().split(" / "); // 22.1MB / 67.11MB
            double podmanUsage = decimalBytes(usage[0]);
            double podmanLimit = decimalBytes(usage[1]);
            String figures = "dockstat " + ours.memUsed() + " / " + ours.sample().memLimit() + ", podman stats "
                    + theirs.path(0).path("mem_usage").asText();
            System.out.println("[podman memory] " + figures);
            assertEquals(podmanLimit, ours.sample().memLimit(), podmanLimit * 0.0005, figures);
            assertEquals(64L << 20, ours.sample().memLimit(), figures);
            assertEquals(podmanUsage, ours.memUsed(), podmanUsage * 0.01, figures);
        } finally {
            bed.podman("rm", "-f", "-t", "0", "podman-it-mem");
        }
    }

    @Test
    void diskTotalsMatchPodmanSystemDf() {
        String id = bed.podmanRun("podman-it-df", TestBed.IMAGE, "sleep", "100000");
        try {
            DiskUsage du = client.diskUsage();
            String table = bed.podman("system", "df", "--format", "{{.Type}}|{{.Total}}|{{.Active}}|{{.Size}}");
            System.out.println("[podman df] podman system df:\n" + table + "dockstat: " + du.totals());
            for (String line : table.strip().split("\n")) {
                String[] f = line.split("\\|");
                DiskUsage.Totals t = du.totals().stream()
                        .filter(x -> x.type().equals(f[0])).findFirst().orElseThrow(() -> new AssertionError(f[0]));
                assertEquals(Long.parseLong(f[1]), t.total(), line);
                assertEquals(Long.parseLong(f[2]), t.active(), line);
                assertEquals(decimalBytes(f[3]), t.size(), Math.max(1, t.size() * 0.0005), line); // 4 significant digits
            }
            assertTrue(du.totals().get(0).size() > 1_000_000, "the busybox image counts: " + du.totals());
            assertTrue(id.length() == 64);
        } finally {
            bed.podman("rm", "-f", "-t", "0", "podman-it-df");
        }
    }

    /**
     * A window that has ended: what dockstat delivers for it equals Podman's own record of the same
     * window (its events log, which {@code podman events --since --until} reads; that command itself
     * answers a past window with nothing, see docs/podman.md).
     */
    @Test
    void eventsOfAPastWindowEqualPodmansRecordOfIt() throws Exception {
        long since = client.engineTimeMillis() * 1_000_000L - 1_000_000_000L;
        String id = bed.podmanRun("podman-it-ev", TestBed.IMAGE, "true");
        TestBed.await("podman-it-ev exited", java.time.Duration.ofSeconds(30),
                () -> bed.podman("inspect", "-f", "{{.State.Status}}", id).strip().equals("exited"));
        bed.podman("rm", id);
        long until = client.engineTimeMillis() * 1_000_000L + 1_000_000_000L;
        TestBed.await("the window over", java.time.Duration.ofSeconds(10), () -> client.engineTimeMillis() * 1_000_000L > until + 1_000_000_000L);

        List<String> ours = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        EventQuery window = EventQuery.containers().since(EventQuery.timestamp(since)).until(EventQuery.timestamp(until));
        try (EventLines lines = client.eventsUntil(window, java.time.Duration.ofSeconds(30))) {
            for (byte[] line = lines.next(); line != null; line = lines.next()) {
                JsonNode e = json.readTree(line);
                if (id.equals(e.path("id").asText())) {
                    ours.add(e.path("Action").asText());
                }
            }
        }
        List<String> theirs = new ArrayList<>();
        Path log = Path.of(bed.podmanSocketUri().substring("unix://".length())).resolveSibling("events.log");
        for (String line : Files.readAllLines(log)) {
            JsonNode e = json.readTree(line);
            long t = java.time.Instant.parse(e.path("Time").asText()).getEpochSecond() * 1_000_000_000L
                    + java.time.Instant.parse(e.path("Time").asText()).getNano();
            if (id.equals(e.path("ID").asText()) && t >= since && t <= until) {
                theirs.add(e.path("Status").asText());
            }
        }
        System.out.println("[podman events] dockstat " + ours + ", podman's log " + theirs);
        assertTrue(theirs.containsAll(List.of("create", "start", "died", "remove")), theirs.toString());
        // the compatible API names podman's "died" as docker's "die"
        assertEquals(theirs.stream().map(a -> a.equals("died") ? "die" : a).toList(), ours);
    }

    /** {@code 1.998MB}, {@code 24B}, {@code 0B}: podman's decimal units, back to bytes. */
    static double decimalBytes(String s) {
        String[] units = {"kB", "MB", "GB", "TB", "B"};
        double[] factors = {1e3, 1e6, 1e9, 1e12, 1};
        for (int i = 0; i < units.length; i++) {
            if (s.endsWith(units[i])) {
                return Double.parseDouble(s.substring(0, s.length() - units[i].length())) * factors[i];
            }
        }
        throw new IllegalArgumentException(s);
    }

    /** CPU time (ns) of a Podman container's cgroup v1 and the wall time (ns) it was read at. */
    static long[] cgroupCpuNanos(String id) {
        long wall = System.nanoTime();
        Path f = Path.of("/sys/fs/cgroup/cpuacct/libpod_parent/libpod-" + id + "/cpuacct.usage");
        try {
            return new long[] {Long.parseLong(Files.readString(f).strip()), wall};
        } catch (IOException e) {
            throw new IllegalStateException("no cgroup CPU accounting at " + f, e);
        }
    }
}

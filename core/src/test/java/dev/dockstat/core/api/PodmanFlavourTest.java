package dev.dockstat.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockstat.core.df.DiskUsage;
import dev.dockstat.core.model.StatsSample;
import dev.dockstat.core.stats.StatsCalculator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The adapter on answers recorded from Podman 4.3.1's compatible service (test resources podman/). */
class PodmanFlavourTest {

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = PodmanFlavourTest.class.getResourceAsStream("/podman/" + name)) {
            return in.readAllBytes();
        }
    }

    private static EngineFlavour podman() throws IOException {
        return EngineFlavour.fromVersion(Json.MAPPER.readTree(resource("version.json")));
    }

    private static StatsSample read(byte[] body, EngineFlavour flavour) throws IOException {
        return StatsJson.read(new ByteArrayInputStream(body), flavour);
    }

    /** The two frames of a stream: the first with a precpu 3.5 ms old, the second 5 s after it. */
    private static List<byte[]> streamFrames() throws IOException {
        return new String(resource("stats-burner-stream.json"), StandardCharsets.UTF_8).lines()
                .map(l -> l.getBytes(StandardCharsets.UTF_8)).toList();
    }

    @Test
    void versionNamesTheEngine() throws IOException {
        assertEquals("podman 4.3.1", podman().name());
        assertSame(EngineFlavour.DOCKERD, EngineFlavour.fromVersion(Json.MAPPER.readTree(resource("version-dockerd.json"))));
        assertSame(EngineFlavour.DOCKERD, EngineFlavour.fromVersion(Json.MAPPER.readTree("{}")));
    }

    @Test
    void oneShotHasTheIdUnderPodmansKeyAndNoPrecpu() throws IOException {
        StatsSample s = read(resource("stats-burner-oneshot.json"), podman());
        assertEquals("81e79e1c416258a55532da21293e169b85c52f7c80f5237b757c5d00d7489b5e", s.id());
        assertEquals("podman-burn", s.displayName(), "no leading slash to cut");
        assertFalse(s.hasPreCpu());
        assertEquals(2, s.onlineCpus());
    }

    @Test
    void cpuOfTwoOneShotReadingsIsTheContainersShareOfWallTime() throws IOException {
        EngineFlavour flavour = podman();
        StatsSample first = read(resource("stats-burner-oneshot.json"), flavour);
        StatsSample later = read(streamFrames().get(1), flavour);
        double expected = (double) (later.cpuTotal() - first.cpuTotal()) / (later.readNanos() - first.readNanos()) * 100;
        assertEquals(expected, StatsCalculator.cpuPercent(new StatsSample(later.id(), later.name(), later.readNanos(),
                later.cpuTotal(), later.systemCpu(), later.onlineCpus(), StatsSample.ABSENT, StatsSample.ABSENT,
                later.memUsage(), later.memLimit(), later.inactiveFile(), later.totalInactiveFile(), later.netRx(),
                later.netTx(), later.blkRead(), later.blkWrite(), later.pids()), first), 1e-9);
    }

    @Test
    void hostCounterIsRebuiltFromTheReadingTime() throws IOException {
        EngineFlavour flavour = podman();
        StatsSample a = read(resource("stats-burner-oneshot.json"), flavour);
        StatsSample b = read(streamFrames().get(1), flavour);
        assertEquals((b.readNanos() - a.readNanos()) * 2, b.systemCpu() - a.systemCpu());
    }

    @Test
    void aPrecpuFiveSecondsOldIsUsed() throws IOException {
        StatsSample s = read(streamFrames().get(1), podman());
        assertTrue(s.hasPreCpu());
        // 1711693281 ns of CPU in the 5.002051951 s between preread and read
        assertEquals(1711693281.0 / 5_002_051_951L * 100, StatsCalculator.cpuPercent(s, null), 1e-9);
    }

    @Test
    void aPrecpuMillisecondsOldCountsAsAbsent() throws IOException {
        StatsSample s = read(streamFrames().get(0), podman());
        assertFalse(s.hasPreCpu(), "3.5 ms measure scheduler ticks");
    }

    @Test
    void memoryIsUsageAndLimitAlone() throws IOException {
        StatsSample s = read(resource("stats-memory-oneshot.json"), podman());
        assertEquals(344064, StatsCalculator.memoryUsed(s));
        assertEquals(67108864, s.memLimit());
    }

    @Test
    void imageSizesAddUpWhereLayersSizeIsZero() throws IOException {
        DiskUsage raw = Json.MAPPER.readValue(resource("system-df.json"), DiskUsage.class);
        assertEquals(0, raw.layersSize());
        DiskUsage.Totals images = podman().diskUsage(raw).totals().get(0);
        assertEquals("Images", images.type());
        assertEquals(1997893, images.size());
        assertEquals(0, images.reclaimable(), "the image is used by both containers");
        assertSame(raw, EngineFlavour.DOCKERD.diskUsage(raw));
    }

    @Test
    void aDfBodyPassedOnCarriesTheLayersSizeAndOtherwisePodmansShape() throws IOException {
        byte[] raw = resource("system-df.json");
        byte[] body = podman().diskUsageBody(raw);
        com.fasterxml.jackson.databind.JsonNode before = Json.MAPPER.readTree(raw);
        com.fasterxml.jackson.databind.node.ObjectNode after = (com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.readTree(body);
        assertEquals(1997893, after.path("LayersSize").asLong());
        after.put("LayersSize", 0);
        assertEquals(before, after, "only LayersSize changes");
        assertSame(raw, EngineFlavour.DOCKERD.diskUsageBody(raw), "dockerd's body goes on byte for byte");
        byte[] notJson = "not json".getBytes(StandardCharsets.UTF_8);
        assertSame(notJson, podman().diskUsageBody(notJson));
        byte[] sized = "{\"LayersSize\":5,\"Images\":[{\"Size\":7}]}".getBytes(StandardCharsets.UTF_8);
        assertSame(sized, podman().diskUsageBody(sized), "a LayersSize the engine filled in is kept");
    }

    @Test
    void dockerdSamplesPassUnchanged() throws IOException {
        byte[] body = resource("stats-burner-oneshot.json");
        assertEquals(StatsJson.read(new ByteArrayInputStream(body)), read(body, EngineFlavour.DOCKERD));
    }

    @Test
    void aWindowEndingInThePastIsAskedForWithAnEndAhead() throws IOException {
        EngineFlavour flavour = podman();
        long now = 1_796_067_700_000_000_000L;
        EventQuery window = EventQuery.containers().since("1796067645").until("1796067648");
        EventQuery sent = flavour.events(window, now);
        assertEquals(now + PodmanFlavour.UNTIL_LEAD_NANOS, EventQuery.nanos(sent.until()));
        assertEquals("1796067645", sent.since());
        EventQuery later = EventQuery.containers().until(EventQuery.timestamp(now + 60_000_000_000L));
        assertSame(later, flavour.events(later, now), "an end well ahead is sent as it is");
        EventQuery follow = EventQuery.containers();
        assertSame(follow, flavour.events(follow, now));
        assertSame(window, EngineFlavour.DOCKERD.events(window, now));
    }

    @Test
    void timestampsAndEventTimesAreRead() throws IOException {
        assertEquals(1_796_067_645_000_000_000L, EventQuery.nanos("1796067645"));
        assertEquals(1_796_067_645_120_000_000L, EventQuery.nanos("1796067645.12"));
        assertEquals(Long.MIN_VALUE, EventQuery.nanos("10m"));
        String first = new String(resource("events.jsonl"), StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
        assertEquals(1796067666069619330L, EventLines.timeNano(first.getBytes(StandardCharsets.UTF_8)));
        assertEquals(0, EventLines.timeNano("{\"status\":\"start\"}".getBytes(StandardCharsets.UTF_8)));
    }
}

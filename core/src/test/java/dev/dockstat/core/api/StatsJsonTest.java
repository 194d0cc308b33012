package dev.dockstat.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockstat.core.model.StatsSample;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class StatsJsonTest {

    static StatsSample fixture(String name) throws IOException {
        try (InputStream in = StatsJsonTest.class.getResourceAsStream("/fixtures/" + name)) {
            return StatsJson.read(in);
        }
    }

    @Test
    void cgroupV1BodyWithPrecpu() throws IOException {
        StatsSample s = fixture("stats-v1-mem-cache.json");
        assertEquals("899768f8ca42c48b988cf0a47f034c5108925fed16968743c94a112b1a293936", s.id());
        assertEquals("t-mem", s.displayName());
        assertEquals(120786390L, s.cpuTotal());
        assertEquals(6783630000000L, s.systemCpu());
        assertEquals(2, s.onlineCpus());
        assertTrue(s.hasPreCpu());
        assertEquals(6781610000000L, s.preSystemCpu());
        assertEquals(43696128L, s.memUsage());
        assertEquals(41943040L, s.totalInactiveFile());
        assertEquals(67108864L, s.memLimit());
        assertEquals(1, s.pids());
        assertEquals(0, s.netRx());
    }

    @Test
    void oneShotBodyHasNoPrecpu() throws IOException {
        StatsSample s = fixture("stats-v1-burn-oneshot.json");
        assertFalse(s.hasPreCpu(), "one-shot precpu is empty and must not be used");
        assertTrue(s.cpuTotal() > 0);
    }

    @Test
    void cgroupV2BodySumsNetworksAndLowerCaseBlkio() throws IOException {
        StatsSample s = fixture("stats-v2-net-blkio.json");
        assertEquals(1500, s.netRx());
        assertEquals(11800500, s.netTx());
        assertEquals(1500, s.blkRead());
        assertEquals(12300000, s.blkWrite());
        assertEquals(StatsSample.ABSENT, s.totalInactiveFile());
        assertEquals(10485760, s.inactiveFile());
        assertEquals(7, s.pids());
    }

    @Test
    void stoppedContainerIsEmpty() throws IOException {
        StatsSample s = fixture("stats-stopped.json");
        assertTrue(s.empty());
        assertFalse(s.hasPreCpu());
        assertEquals(0, s.memLimit());
        assertEquals("t-idle", s.displayName());
    }

    @Test
    void onlineCpusFallsBackToPerCpuLength() throws IOException {
        String body = "{\"cpu_stats\":{\"cpu_usage\":{\"total_usage\":5,\"percpu_usage\":[1,2,3]},\"system_cpu_usage\":9}}";
        assertEquals(3, StatsJson.read(new java.io.ByteArrayInputStream(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))).onlineCpus());
    }

    @Test
    void timestampsAsTheEngineWritesThem() {
        assertEquals(1795432291532297765L, StatsJson.Rfc3339.nanos("2026-11-23T11:11:31.532297765Z"));
        assertEquals(java.time.Instant.parse("2026-11-23T11:11:31.5Z").getEpochSecond() * 1_000_000_000L + 500_000_000L,
                StatsJson.Rfc3339.nanos("2026-11-23T11:11:31.5Z"));
        assertEquals(java.time.Instant.parse("2026-11-23T11:11:31Z").getEpochSecond() * 1_000_000_000L,
                StatsJson.Rfc3339.nanos("2026-11-23T12:11:31+01:00"));
        assertEquals(0, StatsJson.Rfc3339.nanos("0001-01-01T00:00:00Z"));
        assertEquals(0, StatsJson.Rfc3339.nanos("yesterday"));
        assertEquals(0, StatsJson.Rfc3339.nanos(null));
    }

    @Test
    void httpDatesAsGoServersWriteThem() {
        assertEquals(java.time.Instant.parse("2026-11-23T11:11:31Z").toEpochMilli(), DockerClient.httpDateMillis("Mon, 23 Nov 2026 11:11:31 GMT"));
        assertEquals(0, DockerClient.httpDateMillis("Mon, 23 Xyz 2026 11:11:31 GMT"));
        assertEquals(0, DockerClient.httpDateMillis("Monday, 23-Nov-26 11:11:31 GMT"));
    }
}

package dev.dockstat.cli.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockstat.core.model.StatsSample;
import dev.dockstat.core.stats.ContainerStats;
import dev.dockstat.core.stats.StatsCalculator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden output: the docker CLI's table, JSON and template forms for the same figures. */
class StatsTableTest {

    static ContainerStats stats(String id, String name, double cpu, long usage, long limit, long pids) {
        StatsSample s = new StatsSample(id, "/" + name, 1, 0, 0, 2, -1, -1, usage, limit, -1, -1, 0, 0, 0, 0, pids);
        return new ContainerStats(s, cpu, StatsCalculator.memoryUsed(s), StatsCalculator.memoryPercent(usage, limit));
    }

    static final List<StatsRow> ROWS = List.of(
            new StatsRow("899768f8ca42", "default", stats("899768f8ca42c48b988cf0a47f034c5108925fed16968743c94a112b1a293936", "t-mem", 0, 1_753_088, 67_108_864, 1), false),
            new StatsRow("c6335198942f", "default", stats("c6335198942f00000000000000000000", "t-burn", 49.56, 684_032, 25_275_240_448L, 1), false));

    @Test
    void defaultTableMatchesDocker() {
        String expected = """
                CONTAINER ID   NAME      CPU %     MEM USAGE / LIMIT   MEM %     NET I/O   BLOCK I/O   PIDS
                899768f8ca42   t-mem     0.00%     1.672MiB / 64MiB    2.61%     0B / 0B   0B / 0B     1
                c6335198942f   t-burn    49.56%    668KiB / 23.54GiB   0.00%     0B / 0B   0B / 0B     1
                """;
        assertEquals(expected, StatsTable.render(ROWS, StatsTable.format(null, false), false));
    }

    @Test
    void jsonMatchesDocker() {
        String first = StatsTable.render(ROWS, StatsTable.format("json", false), false).lines().findFirst().orElseThrow();
        assertEquals("{\"BlockIO\":\"0B / 0B\",\"CPUPerc\":\"0.00%\",\"Container\":\"899768f8ca42\",\"ID\":\"899768f8ca42\","
                + "\"MemPerc\":\"2.61%\",\"MemUsage\":\"1.672MiB / 64MiB\",\"Name\":\"t-mem\",\"NetIO\":\"0B / 0B\",\"PIDs\":\"1\"}", first);
    }

    @Test
    void tableTemplateHasHeaderAndColumns() {
        assertEquals("NAME      CPU %\nt-mem     0.00%\nt-burn    49.56%\n",
                StatsTable.render(ROWS, StatsTable.format("table {{.Name}}\\t{{.CPUPerc}}", false), false));
    }

    @Test
    void plainTemplateHasNoHeaderAndKeepsTabs() {
        assertEquals("t-mem\t0.00%\nt-burn\t49.56%\n",
                StatsTable.render(ROWS, StatsTable.format("{{.Name}}\\t{{.CPUPerc}}", false), false));
    }

    @Test
    void noTruncShowsTheFullId() {
        StatsRow row = new StatsRow("t-mem", "default", ROWS.get(0).stats(), true);
        assertEquals("899768f8ca42c48b988cf0a47f034c5108925fed16968743c94a112b1a293936", row.id());
    }

    @Test
    void unknownFieldIsAClearError() {
        var e = assertThrows(IllegalArgumentException.class, () -> StatsTable.format("{{.Foo}}", false));
        assertEquals("template parsing error: template: :1:2: executing \"\" at <.Foo>: can't evaluate field Foo in type *container.statsContext",
                e.getMessage());
    }

    @Test
    void severalEnginesAddAnEnvColumn() {
        String out = StatsTable.render(ROWS, StatsTable.format(null, true), true);
        assertTrue(out.startsWith("ENV       CONTAINER ID   NAME"), out);
    }

    @Test
    void failedReadingShowsDashes() {
        StatsRow row = new StatsRow("web", "default", null, false);
        assertEquals("--", row.cpuPerc());
        assertEquals("--", row.memUsage());
        assertEquals("web", row.name());
    }
}

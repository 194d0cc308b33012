package dev.dockstat.cli.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockstat.cli.Golden;
import dev.dockstat.cli.render.StatsRow;
import dev.dockstat.core.model.StatsSample;
import dev.dockstat.core.stats.ContainerStats;
import dev.dockstat.core.stats.StatsCalculator;
import java.util.List;
import java.util.stream.Collectors;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;

/** The live view's screens, pinned as golden text: sorting, fitting to width and height, several engines. */
class LiveFrameTest {

    static StatsRow row(String env, String id, String name, double cpu, long mem, long limit, long net, long blk, long pids) {
        StatsSample s = new StatsSample(id + "0".repeat(64 - id.length()), "/" + name, 1, 0, 0, 2, -1, -1, mem, limit, -1, -1,
                net, net / 2, blk, blk / 4, pids);
        ContainerStats stats = new ContainerStats(s, cpu, StatsCalculator.memoryUsed(s), StatsCalculator.memoryPercent(mem, limit));
        return new StatsRow(id, env, stats, false);
    }

    static final float[] RISING = {0, 5, 12, 20, 30, 45, 60, 75, 90, 100, 120};
    static final float[] IDLE = {0.01f, 0.02f, 0, 0};

    static List<LiveFrame.Line> lines() {
        return List.of(
                new LiveFrame.Line(row("default", "4f5e6d7c8b9a", "web", 49.91, 150_000_000, 1_073_741_824, 1_500_000, 12_300_000, 12), RISING),
                new LiveFrame.Line(row("default", "5a6b7c8d9e0f", "db", 3.2, 700_000_000, 2_147_483_648L, 9_000_000, 800_000_000, 40), IDLE),
                new LiveFrame.Line(row("default", "6b7c8d9e0f1a", "cache", 91.5, 64_000_000, 268_435_456, 40_000, 0, 5), new float[] {95, 96, 99}),
                new LiveFrame.Line(new StatsRow("worker", "default", null, false), null));
    }

    static String text(List<AttributedString> screen) {
        return screen.stream().map(AttributedString::toString).collect(Collectors.joining("\n", "", "\n"));
    }

    @Test
    void sortedByCpuOnAWideTerminal() {
        List<AttributedString> screen = new LiveFrame(lines(), 1, SortKey.CPU, false, "12:00:00", List.of()).render(120, 30);
        Golden.assertMatches("live/cpu-120x30.txt", text(screen));
        assertTrue(screen.size() <= 30);
        screen.forEach(l -> assertTrue(l.columnLength() <= 120, l.toString()));
    }

    @Test
    void eachKeySortsItsColumn() {
        assertEquals(List.of("cache", "web", "db", "worker"), names(SortKey.CPU, false));
        assertEquals(List.of("db", "web", "cache", "worker"), names(SortKey.MEM, false));
        assertEquals(List.of("cache", "db", "web", "worker"), names(SortKey.NAME, false));
        assertEquals(List.of("web", "db", "cache", "worker"), names(SortKey.NAME, true));
        assertEquals(List.of("db", "web", "cache", "worker"), names(SortKey.NET, false));
        assertEquals(List.of("db", "web", "cache", "worker"), names(SortKey.IO, false));
        assertEquals(List.of("db", "web", "cache", "worker"), names(SortKey.PIDS, false));
        assertEquals(List.of("db", "web", "cache", "worker"), names(SortKey.CPU, true), "reversed, rows without figures still last");
    }

    static List<String> names(SortKey key, boolean reversed) {
        List<AttributedString> screen = new LiveFrame(lines(), 1, key, reversed, "", List.of()).render(200, 30);
        return screen.subList(2, 6).stream().map(l -> l.toString().split("\\s+")[1]).toList();
    }

    @Test
    void narrowTerminalDropsTheSparklineThenTheLeastNeededColumns() {
        Golden.assertMatches("live/name-80x12.txt",
                text(new LiveFrame(lines(), 1, SortKey.NAME, false, "12:00:00", List.of()).render(80, 12)));
        Golden.assertMatches("live/cpu-50x12.txt",
                text(new LiveFrame(lines(), 1, SortKey.CPU, false, "12:00:00", List.of()).render(50, 12)));
    }

    @Test
    void rowsBeyondTheHeightAreCountedNotDrawn() {
        List<AttributedString> screen = new LiveFrame(lines(), 1, SortKey.CPU, false, "12:00:00", List.of()).render(120, 6);
        Golden.assertMatches("live/cpu-120x6.txt", text(screen));
        assertEquals(6, screen.size());
    }

    @Test
    void severalEnginesGetAnEnvColumnAndNotices() {
        List<LiveFrame.Line> two = new java.util.ArrayList<>(lines());
        two.add(new LiveFrame.Line(row("tcp://build:2375", "7c8d9e0f1a2b", "builder", 150.0, 2_000_000_000, 8_000_000_000L, 0, 0, 80), RISING));
        List<String> notices = List.of("Cannot connect to the Docker engine at tcp://ci:2375: connection refused (retrying every 2s)");
        Golden.assertMatches("live/env-140x20.txt",
                text(new LiveFrame(two, 3, SortKey.CPU, false, "12:00:00", notices).render(140, 20)));
    }

    @Test
    void theSortedColumnIsMarkedAndTheHeaderIsInverse() {
        AttributedString header = new LiveFrame(lines(), 1, SortKey.MEM, false, "", List.of()).render(120, 30).get(1);
        assertTrue(header.toString().contains("MEM USAGE / LIMIT ▼"), header.toString());
        assertTrue(header.toAnsi().contains("\u001b[7m") || header.toAnsi().contains(";7m"), header.toAnsi());
    }
}

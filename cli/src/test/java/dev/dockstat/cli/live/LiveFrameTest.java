package dev.dockstat.cli.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        return screen.subList(2, 6).stream().map(l -> l.toString().split("\\s+")[2]).toList();
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

    static StatsRow stopped(String id, String name) {
        StatsSample s = new StatsSample(id + "0".repeat(64 - id.length()), "/" + name, 0, 0, 0, 0, -1, -1, 0, 0, -1, -1, 0, 0, 0, 0, 0);
        return new StatsRow(id, "default", new ContainerStats(s, Double.NaN, 0, 0), false);
    }

    /** Forty idle containers and a stopped one, named so that sorting by name is their number. */
    static List<LiveFrame.Line> many() {
        List<LiveFrame.Line> many = new java.util.ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            String id = String.format("%02d", i) + "aabbccddee";
            many.add(new LiveFrame.Line(row("default", id, String.format("app-%02d", i), i / 10.0, 1_000_000L * i, 1_073_741_824, i, i, 1), IDLE));
        }
        many.add(new LiveFrame.Line(stopped("99ffeeddccbb", "old-job"), null));
        return many;
    }

    static LiveFrame.Look look(int top, String selected) {
        return new LiveFrame.Look(SortKey.NAME, false, false, "", false, top, selected);
    }

    static List<String> keys(List<LiveFrame.Line> lines, LiveFrame.Look look) {
        return LiveFrame.visible(lines, look).stream().map(LiveFrame.Line::key).toList();
    }

    @Test
    void aLongListScrollsToTheSelectionAndSaysWhichRowsShow() {
        LiveState state = new LiveState(false);
        state.apply(Key.ch('n'), keys(many(), state.look()), 0);
        List<String> keys = keys(many(), state.look());
        int rows = LiveFrame.rowsFitting(keys.size(), 15, 0);
        assertEquals(11, rows, "15 lines: title, header, keys, and the line that says which rows show");
        state.fit(keys, rows);
        state.apply(Key.of(Key.Type.PAGE_DOWN), keys, rows);
        state.apply(Key.of(Key.Type.PAGE_DOWN), keys, rows);
        state.fit(keys, rows);
        List<AttributedString> screen = new LiveFrame(many(), 1, state.look(), "12:00:00", List.of(), Styles.PLAIN).render(100, 15);
        Golden.assertMatches("live/scrolled-100x15.txt", text(screen));
        assertEquals(15, screen.size());
        assertTrue(text(screen).contains(">23aabbccddee   app-23"), text(screen));
        assertTrue(text(screen).contains("rows 13-23 of 40 · 12 above · 17 below"), text(screen));
        assertTrue(text(screen).contains("1 stopped hidden"), text(screen));
    }

    @Test
    void scrollingNeverLeavesRoomBelowTheLastRow() {
        List<AttributedString> screen = new LiveFrame(many(), 1, look(1000, null), "", List.of(), Styles.PLAIN).render(100, 15);
        assertTrue(screen.get(12).toString().contains("app-40"), text(screen));
        assertTrue(screen.get(13).toString().contains("rows 30-40 of 40 · 29 above (↑"), text(screen));
        screen = new LiveFrame(many(), 1, look(-5, null), "", List.of(), Styles.PLAIN).render(100, 60);
        assertTrue(screen.get(2).toString().contains("app-01"), text(screen));
        assertTrue(text(screen).contains("app-40") && !text(screen).contains("rows "), "all fit: no position line");
    }

    @Test
    void theFilterMatchesNameOrIdIgnoringCase() {
        LiveFrame.Look byName = new LiveFrame.Look(SortKey.NAME, false, false, "APP-1", true, 0, null);
        assertEquals(List.of("app-10", "app-11", "app-12", "app-13", "app-14", "app-15", "app-16", "app-17", "app-18", "app-19"),
                LiveFrame.visible(many(), byName).stream().map(l -> l.row().name()).toList());
        LiveFrame.Look byId = new LiveFrame.Look(SortKey.NAME, false, false, "07AABB", false, 0, null);
        assertEquals(List.of("app-07"), LiveFrame.visible(many(), byId).stream().map(l -> l.row().name()).toList());
        LiveFrame.Look fullId = new LiveFrame.Look(SortKey.NAME, false, true, "ddccbb0000", false, 0, null);
        assertEquals(List.of("old-job"), LiveFrame.visible(many(), fullId).stream().map(l -> l.row().name()).toList(),
                "the full ID, past the 12 shown");
        List<AttributedString> screen = new LiveFrame(many(), 1, byName, "12:00:00", List.of(), Styles.PLAIN).render(100, 15);
        Golden.assertMatches("live/filtered-100x15.txt", text(screen));
        assertTrue(screen.get(0).toString().contains("10 of 40 match \"APP-1\""), text(screen));
        assertTrue(screen.get(screen.size() - 1).toString().contains("/ filter: APP-1_"), text(screen));
        LiveFrame.Look none = new LiveFrame.Look(SortKey.NAME, false, false, "zzz", false, 0, null);
        assertTrue(text(new LiveFrame(many(), 1, none, "", List.of(), Styles.PLAIN).render(100, 15)).contains("no container matches \"zzz\""));
    }

    @Test
    void stoppedContainersOnlyWithShowAll() {
        LiveFrame.Look hidden = look(0, null);
        LiveFrame.Look shown = new LiveFrame.Look(SortKey.NAME, false, true, "", false, 0, null);
        assertEquals(40, LiveFrame.visible(many(), hidden).size());
        assertEquals(41, LiveFrame.visible(many(), shown).size());
        String screen = text(new LiveFrame(many(), 1, shown, "", List.of(), Styles.PLAIN).render(100, 60));
        assertTrue(screen.contains("41 containers · 1 stopped shown"), screen);
        assertTrue(screen.contains("old-job"), screen);
    }

    @Test
    void noColorMeansNoEscapeSequencesAndTheSelectionStillShows() {
        LiveFrame.Look look = new LiveFrame.Look(SortKey.CPU, false, true, "", false, 0, "default/" + "6b7c8d9e0f1a" + "0".repeat(52));
        List<AttributedString> plain = new LiveFrame(lines(), 1, look, "12:00:00", List.of("engine away"), Styles.PLAIN).render(120, 30);
        for (AttributedString line : plain) {
            assertFalse(line.toAnsi().contains("\u001b"), line.toAnsi());
            assertEquals(line.toString().stripTrailing(), line.toString(), "no bars of spaces");
        }
        assertTrue(plain.get(2).toString().startsWith(">6b7c8d9e0f1a"), text(plain));
        List<AttributedString> colour = new LiveFrame(lines(), 1, look, "12:00:00", List.of("engine away"), Styles.COLOR).render(120, 30);
        assertTrue(colour.stream().anyMatch(l -> l.toAnsi().contains("\u001b[")), "with colour there are attributes");
        assertEquals(Styles.PLAIN, Styles.of(java.util.Map.of("NO_COLOR", "1")));
        assertEquals(Styles.COLOR, Styles.of(java.util.Map.of("NO_COLOR", "")), "set but empty does not count (no-color.org)");
        assertEquals(Styles.COLOR, Styles.of(java.util.Map.of()));
        assertEquals(text(plain), text(colour).lines().map(String::stripTrailing).collect(Collectors.joining("\n", "", "\n")),
                "the same text either way");
    }
}

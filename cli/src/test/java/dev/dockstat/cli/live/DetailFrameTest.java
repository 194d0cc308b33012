package dev.dockstat.cli.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockstat.cli.Golden;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;

/** One container's screen: its layout pinned as golden text, what it says while inspect is out, and how it fits. */
class DetailFrameTest {

    static final float[] CPU = {10, 20, 30, 40, 50, 50, 50, 50, 45, 40};
    static final float[] MEM = {5, 5, 6, 6, 7, 7, 8, 8, 9, 10};
    static final IoRates.Series IO = new IoRates.Series(new float[] {0, 1000, 2000, 0}, new float[] {0, 500, 0, 0},
            new float[] {0, 0, 4096, 0}, new float[] {8192, 0, 0, 0}, 3000);
    static final ContainerInfo INFO = new ContainerInfo("local/busybox", "running", "2026-11-30T12:00:00Z", 0, 1, 0.5, "", 268_435_456, 100,
            "unix:///var/run/docker.sock");

    static LiveFrame.Line web() {
        return LiveFrameTest.lines().get(0);
    }

    static DetailFrame frame(ContainerInfo info, String error, boolean current, Styles styles) {
        return new DetailFrame(web(), current, CPU, MEM, 9_000, IO, info, error, "12:00:00", List.of(), styles);
    }

    @Test
    void layoutWithLimitsAndSparklines() {
        List<AttributedString> screen = frame(INFO, null, true, Styles.PLAIN).render(100, 15);
        Golden.assertMatches("live/detail-100x15.txt", LiveFrameTest.text(screen));
        String text = LiveFrameTest.text(screen);
        assertTrue(text.contains("Status     running since 2026-11-30T12:00:00Z · restarted 1 time"), text);
        assertTrue(text.contains("Limits     CPU 0.50 · memory 256MiB · PIDs 100"), text);
        assertTrue(text.contains("Engine     default · unix:///var/run/docker.sock"), text);
        assertTrue(text.contains("PIDS       12 of 100"), text);
        assertTrue(text.contains("last 9s"), text);
        assertTrue(text.contains("net peak 2kB/s · block peak 8.19kB/s"), text);
        assertTrue(screen.get(screen.size() - 1).toString().contains("Esc back"), text);
        screen.forEach(l -> assertTrue(l.columnLength() <= 100, l.toString()));
    }

    @Test
    void cpuSparklineIsOnTheAbsoluteScaleAndNewestRight() {
        String cpu = frame(INFO, null, true, Styles.PLAIN).render(100, 15).stream().map(AttributedString::toString)
                .filter(l -> l.startsWith(" CPU ")).findFirst().orElseThrow();
        assertTrue(cpu.endsWith("▁▂▃▄▄▄▄▄▄▄"), cpu); // 10..50 % of a whole CPU: half height at most
    }

    @Test
    void whileInspectIsOutAndWhenItFailedOrTheContainerIsGone() {
        String loading = LiveFrameTest.text(frame(null, null, true, Styles.PLAIN).render(100, 15));
        assertTrue(loading.contains("Image      …"), loading);
        String failed = LiveFrameTest.text(frame(null, "no such container", true, Styles.PLAIN).render(100, 15));
        assertTrue(failed.contains("inspect failed: no such container"), failed);
        String gone = LiveFrameTest.text(frame(INFO, null, false, Styles.PLAIN).render(100, 15));
        assertTrue(gone.contains("not in the last round"), gone);
    }

    @Test
    void aShortScreenKeepsTheTopAndTheKeysAndNoColorHasNoEscapes() {
        List<AttributedString> screen = frame(INFO, null, true, Styles.PLAIN).render(60, 6);
        assertEquals(6, screen.size());
        assertTrue(screen.get(0).toString().contains("web"), LiveFrameTest.text(screen));
        assertTrue(screen.get(5).toString().contains("Esc back"), LiveFrameTest.text(screen));
        frame(INFO, null, true, Styles.PLAIN).render(100, 15).forEach(l -> assertFalse(l.toAnsi().contains("\u001b"), l.toAnsi()));
        assertTrue(frame(INFO, null, true, Styles.COLOR).render(100, 15).stream().anyMatch(l -> l.toAnsi().contains("\u001b[")));
    }

    @Test
    void inspectJsonGivesImageStateAndLimits() throws Exception {
        String json = """
                {"Id":"abc","RestartCount":2,"State":{"Status":"exited","ExitCode":137,"StartedAt":"2026-11-30T11:00:00.5Z",
                 "FinishedAt":"2026-11-30T11:05:00.123456789Z"},"Config":{"Image":"local/busybox"},
                 "HostConfig":{"NanoCpus":0,"CpuQuota":50000,"CpuPeriod":100000,"CpusetCpus":"0-1","Memory":0,"PidsLimit":null}}""";
        ContainerInfo info = ContainerInfo.parse(json.getBytes(StandardCharsets.UTF_8), "unix:///x.sock");
        assertEquals(new ContainerInfo("local/busybox", "exited", "2026-11-30T11:05:00Z", 137, 2, 0.5, "0-1", 0, 0, "unix:///x.sock"), info);
        String text = LiveFrameTest.text(frame(info, null, true, Styles.PLAIN).render(100, 15));
        assertTrue(text.contains("exited (exit code 137) since 2026-11-30T11:05:00Z · restarted 2 times"), text);
        assertTrue(text.contains("CPU 0.50 (cpuset 0-1) · memory none · PIDs none"), text);
    }

    @Test
    void ioRatesFromCountersInARing() {
        IoRates rates = new IoRates(3);
        assertEquals(0, rates.series("k").size());
        for (int i = 0; i <= 5; i++) {
            rates.record("k", sample(i * 1_000_000_000L, i * 1000L, i * 10L));
            rates.record("k", sample(i * 1_000_000_000L, i * 1000L, i * 10L)); // the same reading again adds nothing
        }
        IoRates.Series s = rates.series("k");
        assertEquals(3, s.size(), "the newest three of five rates");
        assertEquals(1000f, s.netRx()[2]);
        assertEquals(10f, s.blkWrite()[2]);
        assertEquals(2000, s.spanMillis());
        rates.record("k", sample(7_000_000_000L, 0, 0)); // counters reset: a restart
        assertEquals(0f, rates.series("k").netRx()[2]);
        rates.retain(java.util.Set.of());
        assertEquals(0, rates.series("k").size());
    }

    static dev.dockstat.core.model.StatsSample sample(long readNanos, long net, long blk) {
        return new dev.dockstat.core.model.StatsSample("id", "/n", readNanos, 1, 1, 1, -1, -1, 1, 1, -1, -1, net, net, blk, blk, 1);
    }
}

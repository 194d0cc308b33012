package dev.dockstat.cli.live;

import dev.dockstat.cli.render.DockerUnits;
import dev.dockstat.cli.render.StatsRow;
import java.util.ArrayList;
import java.util.List;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * One container's screen (Enter on a row): what it is and where (status, image, engine, limits),
 * and CPU, memory, net and block I/O now and as sparklines over the history kept (up to five
 * minutes, newest on the right; when there are more points than columns a column shows the largest
 * of its points). CPU and memory are drawn on 0-100 %; net and block I/O on their own peak, which the
 * scale line states. Pure, like {@link LiveFrame}.
 *
 * @param line the container's row, as last seen
 * @param current whether the last round had it (false: stopped and hidden, removed, or its engine is away)
 * @param cpu CPU % history, oldest first
 * @param mem memory % history, oldest first
 * @param spanMillis the time the CPU and memory history spans
 * @param io net and block I/O rates
 * @param info from inspect; null while it is being read
 * @param infoError why inspect failed, or null
 */
public record DetailFrame(LiveFrame.Line line, boolean current, float[] cpu, float[] mem, long spanMillis, IoRates.Series io,
        ContainerInfo info, String infoError, String clock, List<String> notices, Styles styles) {

    static final String KEYS = "Esc back  ↑↓ previous/next  q quit";
    static final int LABEL = 11;
    static final int MIN_SPARK = 8;

    public DetailFrame {
        notices = List.copyOf(notices);
    }

    public List<AttributedString> render(int width, int height) {
        StatsRow row = line.row();
        List<AttributedString> body = new ArrayList<>();
        String id = row.invalid() ? row.container() : row.stats().id();
        String left = " dockstat stats · " + row.name() + " · " + (id.length() > 12 ? id.substring(0, 12) : id);
        int pad = width - left.length() - clock.length() - 1;
        body.add(new AttributedString(clip(pad >= 1 ? left + " ".repeat(pad) + clock + " " : left, width), styles.title()));

        body.add(field("Status", status(), width));
        body.add(field("Image", info == null ? (infoError == null ? "…" : "") : info.image(), width));
        body.add(field("Engine", row.environment() + (info == null || info.engine().isEmpty() || info.engine().equals(row.environment())
                ? "" : " · " + info.engine()), width));
        body.add(field("Limits", limits(), width));

        String[] values = {
            row.cpuPerc(),
            row.memUsage() + " (" + row.memPerc() + ")",
            row.netIO() + last(io.netRx(), io.netTx(), "↓", "↑"),
            row.blockIO() + last(io.blkRead(), io.blkWrite(), "r", "w"),
        };
        int valueWidth = 0;
        for (String v : values) {
            valueWidth = Math.max(valueWidth, v.length());
        }
        valueWidth += 3;
        int spark = width - 1 - LABEL - valueWidth - 1;
        float[] net = sum(io.netRx(), io.netTx());
        float[] blk = sum(io.blkRead(), io.blkWrite());
        double netPeak = peak(net);
        double blkPeak = peak(blk);
        body.add(metric("CPU", values[0], valueWidth, cpu, 100, spark, width));
        body.add(metric("MEMORY", values[1], valueWidth, mem, 100, spark, width));
        body.add(metric("NET I/O", values[2], valueWidth, net, netPeak, spark, width));
        body.add(metric("BLOCK I/O", values[3], valueWidth, blk, blkPeak, spark, width));
        body.add(field("PIDS", row.pids() + (info != null && info.pids() > 0 ? " of " + info.pids() : ""), width));
        if (spark >= MIN_SPARK) {
            body.add(new AttributedString(clip(" " + scale(netPeak, blkPeak), width), styles.stale()));
        }

        List<AttributedString> tail = new ArrayList<>();
        for (String notice : notices.subList(Math.max(0, notices.size() - LiveFrame.MAX_NOTICES), notices.size())) {
            tail.add(new AttributedString(clip(notice, width), styles.notice()));
        }
        tail.add(LiveFrame.keys(width, styles, KEYS));
        int room = Math.max(0, height - tail.size());
        List<AttributedString> screen = new ArrayList<>(body.subList(0, Math.min(room, body.size())));
        screen.addAll(tail);
        List<AttributedString> fitted = screen.size() > height ? screen.subList(screen.size() - Math.max(0, height), screen.size()) : screen;
        return styles.plain() ? fitted.stream().map(l -> new AttributedString(l.toString().stripTrailing())).toList() : fitted;
    }

    private String status() {
        if (!current) {
            return "not in the last round (hidden, removed, or its engine is away); figures as last seen";
        }
        if (info == null) {
            return infoError == null ? (line.stopped() ? "stopped" : "running") : "running (inspect failed: " + infoError + ")";
        }
        StringBuilder s = new StringBuilder(info.state());
        if (!info.state().equals("running") && !info.state().equals("paused") && !info.state().equals("created")) {
            s.append(" (exit code ").append(info.exitCode()).append(')');
        }
        if (!info.since().isEmpty()) {
            s.append(" since ").append(info.since());
        }
        if (info.restarts() > 0) {
            s.append(" · restarted ").append(info.restarts()).append(info.restarts() == 1 ? " time" : " times");
        }
        return s.toString();
    }

    private String limits() {
        if (info == null) {
            return infoError == null ? "…" : "";
        }
        String cpus = info.cpus() > 0 ? "CPU " + String.format(java.util.Locale.ROOT, "%.2f", info.cpus()) : "CPU none";
        if (!info.cpuset().isEmpty()) {
            cpus += " (cpuset " + info.cpuset() + ")";
        }
        String memory = info.memory() > 0 ? "memory " + DockerUnits.binary(info.memory()) : "memory none";
        String pids = info.pids() > 0 ? "PIDs " + info.pids() : "PIDs none";
        return cpus + " · " + memory + " · " + pids;
    }

    private String scale(double netPeak, double blkPeak) {
        String span = spanMillis > 0 ? "last " + duration(spanMillis) : "history starts with the next rounds";
        return span + ", newest right · CPU, memory 0-100 % · net peak " + DockerUnits.decimal(netPeak) + "/s · block peak "
                + DockerUnits.decimal(blkPeak) + "/s";
    }

    static String duration(long millis) {
        long s = Math.round(millis / 1000.0);
        return s >= 60 ? s / 60 + "m" + (s % 60 > 0 ? String.format("%02ds", s % 60) : "") : s + "s";
    }

    private static String last(float[] a, float[] b, String up, String down) {
        if (a.length == 0) {
            return "";
        }
        return "  " + up + DockerUnits.decimal(a[a.length - 1]) + "/s " + down + DockerUnits.decimal(b[b.length - 1]) + "/s";
    }

    private static float[] sum(float[] a, float[] b) {
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] + b[i];
        }
        return out;
    }

    private static double peak(float[] values) {
        double max = 0;
        for (float v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    private AttributedString field(String label, String value, int width) {
        AttributedStringBuilder b = new AttributedStringBuilder();
        b.append(" ").style(styles.label()).append(pad(label, LABEL)).style(AttributedStyle.DEFAULT).append(value);
        return b.toAttributedString().columnSubSequence(0, width);
    }

    private AttributedString metric(String label, String value, int valueWidth, float[] history, double full, int spark, int width) {
        AttributedStringBuilder b = new AttributedStringBuilder();
        b.append(" ").style(styles.label()).append(pad(label, LABEL)).style(AttributedStyle.DEFAULT).append(pad(value, valueWidth));
        if (spark >= MIN_SPARK) {
            b.style(styles.spark()).append(Sparkline.of(Sparkline.fit(history, spark), spark, full)).style(AttributedStyle.DEFAULT);
        }
        return b.toAttributedString().columnSubSequence(0, width);
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }

    private static String clip(String s, int width) {
        int n = s.codePointCount(0, s.length());
        return n <= width ? s : s.substring(0, s.offsetByCodePoints(0, Math.max(0, width)));
    }
}

package dev.dockstat.cli.live;

import dev.dockstat.cli.Shutdown;
import dev.dockstat.cli.render.StatsRow;
import dev.dockstat.cli.stats.StatsBoard;
import dev.dockstat.core.history.HistoryBatch;
import dev.dockstat.core.history.MetricHistory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.Display;
import org.jline.utils.InfoCmp.Capability;
import org.jline.utils.NonBlockingReader;

/**
 * The full-screen {@code dockstat stats} on a terminal. Owns the terminal's lifecycle: raw mode,
 * alternate screen, hidden cursor, a resize handler, a key read with a timeout that doubles as the
 * refresh tick, and the restore in {@code finally} (and in a shutdown hook, for a {@code kill}).
 * Which bytes are which key is {@link KeyDecoder}'s business, what a key does {@link LiveState}'s,
 * and what a screen shows {@link LiveFrame}'s and {@link DetailFrame}'s.
 *
 * <p>Keys: arrows, PgUp/PgDn, Home/End move the selection; {@code /} filters by name or ID as
 * typed (Enter keeps it, Esc clears it); Enter opens the selected container, Esc goes back; {@code a}
 * shows or hides stopped containers; c, m, n, N, i, p sort (the same key again reverses), r
 * reverses; q or Ctrl-C quits.
 */
public final class LiveView {

    /** How often the view looks for new rounds, resizes and keys between refreshes. */
    private static final long SLICE_MILLIS = 100;
    /** How long a kill waits for the loop to end (a slice, a refresh and a frame) before restoring the terminal anyway. */
    private static final Duration LEAVE_GRACE = Duration.ofSeconds(1);
    private static final long CLOCK_MILLIS = 1000;
    /** How often an open detail asks the engine again (status and limits can change). */
    private static final long INSPECT_MILLIS = 5000;
    /** I/O rates kept per container: five minutes at one round a second, as long as the feed's CPU history. */
    private static final int IO_POINTS = 300;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** Reads what the detail shows beyond the figures; called off the view's thread. */
    @FunctionalInterface
    public interface Inspector {
        ContainerInfo inspect(String environment, String containerId) throws Exception;
    }

    private final StatsBoard board;
    private final int engines;
    private final List<String> notices;
    private final Styles styles;
    private final Inspector inspector;
    private final LiveState state;
    private final HistoryBatch batch = new HistoryBatch();
    private final IoRates io = new IoRates(IO_POINTS);
    private final Map<String, ContainerInfo> infos = new ConcurrentHashMap<>();
    private final Map<String, String> infoErrors = new ConcurrentHashMap<>();
    private final AtomicBoolean infoChanged = new AtomicBoolean();
    private final AtomicBoolean inspecting = new AtomicBoolean();
    /** Set by q, Ctrl-C or a kill: the loop ends before its next read. */
    private final AtomicBoolean quit = new AtomicBoolean();
    private List<StatsBoard.Line> current = List.of();
    private List<LiveFrame.Line> lines = List.of();
    private final Map<String, StatsBoard.Line> lastSeen = new HashMap<>();
    private long inspected;
    private String inspectedKey;

    /**
     * @param notices engine failures and recoveries, appended by other threads (a concurrent list)
     * @param showAll stopped containers shown at the start ({@code a} toggles); the board must list them
     * @param inspector reads image, status and limits for the detail; null shows none
     */
    public LiveView(StatsBoard board, int engines, List<String> notices, boolean showAll, Styles styles, Inspector inspector) {
        this.board = board;
        this.engines = engines;
        this.notices = notices;
        this.styles = styles;
        this.inspector = inspector;
        this.state = new LiveState(showAll);
    }

    /**
     * Whether stdin and stdout are both a terminal: the live view needs keys and a screen. JDK 22+
     * gives a console even when redirected and says so with {@code isTerminal()}; on 21 a console
     * exists only for a terminal.
     */
    public static boolean available() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = java.io.Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    /** The terminal could not be taken over (no usable provider): the caller prints tables instead. */
    public static final class Unavailable extends Exception {
        Unavailable(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }

    /**
     * Runs until q or Ctrl-C; the terminal is as it was afterwards, whatever happened.
     *
     * @throws Unavailable before anything was changed on the terminal
     */
    public void run() throws IOException, Unavailable {
        try (Terminal terminal = open()) {
            Attributes saved = terminal.enterRawMode();
            AtomicBoolean restored = new AtomicBoolean();
            Runnable restore = () -> restore(terminal, saved, restored);
            // On a kill the loop stops first and restores the terminal itself. Restoring from the
            // hook while the loop still read keys was undone: JLine's pty input stream sets
            // VMIN 0 / VTIME 1 again at each read when it finds them otherwise, so a CI run was
            // left with "min = 0; time = 1" after SIGTERM. The hook restores only when the loop
            // does not end within the grace.
            try (Shutdown shutdown = Shutdown.onSignal(() -> quit.set(true), LEAVE_GRACE).unlessFinished(restore)) {
                try {
                    Attributes raw = terminal.getAttributes();
                    raw.setLocalFlag(Attributes.LocalFlag.ISIG, false); // Ctrl-C and Ctrl-Z arrive as keys
                    terminal.setAttributes(raw);
                    terminal.puts(Capability.enter_ca_mode);
                    terminal.puts(Capability.keypad_xmit);
                    terminal.puts(Capability.cursor_invisible);
                    terminal.flush();
                    loop(terminal);
                } finally {
                    restore.run(); // before the shutdown closes: a kill waits for this
                }
            }
        }
    }

    /**
     * exec (stty) first: it changes only the flags it must and restores them exactly; JLine's ffm
     * provider writes the whole termios back with the line speed zeroed (seen on JLine 3.30.6).
     */
    private static Terminal open() throws Unavailable {
        String providers = System.getProperty("dockstat.terminal.providers", "exec,ffm");
        try {
            return TerminalBuilder.builder().system(true).providers(providers).dumb(false).build();
        } catch (IOException | RuntimeException e) {
            throw new Unavailable(e);
        }
    }

    private void loop(Terminal terminal) throws IOException {
        AtomicBoolean resized = new AtomicBoolean();
        terminal.handle(Terminal.Signal.WINCH, s -> resized.set(true));
        terminal.handle(Terminal.Signal.INT, s -> quit.set(true));
        Display display = new Display(terminal, true);
        Size size = terminal.getSize();
        display.resize(size.getRows(), size.getColumns());
        display.clear();
        NonBlockingReader reader = terminal.reader();
        KeyDecoder keys = new KeyDecoder(reader::read);
        long drawn = -1;
        long nextClock = 0;
        boolean redraw = true;
        while (!quit.get()) {
            if (resized.getAndSet(false)) {
                size = terminal.getSize();
                display.clear();
                display.resize(size.getRows(), size.getColumns());
                redraw = true;
            }
            long version = board.version();
            if (version != drawn) {
                refresh();
            }
            long now = System.currentTimeMillis();
            inspectIfDue(now);
            if (redraw || version != drawn || now >= nextClock || infoChanged.getAndSet(false)) {
                display.update(screen(size.getColumns(), size.getRows()), 0);
                terminal.flush();
                drawn = version;
                nextClock = now - now % CLOCK_MILLIS + CLOCK_MILLIS;
                redraw = false;
            }
            Key key = keys.next(SLICE_MILLIS);
            if (key != null) {
                List<LiveFrame.Line> visible = LiveFrame.visible(lines, state.look());
                int page = LiveFrame.rowsFitting(visible.size(), size.getRows(), notices.size());
                LiveState.Outcome outcome = state.apply(key, visible.stream().map(LiveFrame.Line::key).toList(), page);
                if (outcome == LiveState.Outcome.QUIT) {
                    return;
                }
                redraw = outcome == LiveState.Outcome.REDRAW;
            }
        }
    }

    /** The rows of the board's latest rounds, their CPU history, and a new reading for the I/O rates. */
    private void refresh() {
        current = board.lines();
        List<LiveFrame.Line> fresh = new ArrayList<>(current.size());
        Set<String> seen = new HashSet<>();
        for (StatsBoard.Line line : current) {
            LiveFrame.Line l = new LiveFrame.Line(line.row(), cpuHistory(line.history()));
            fresh.add(l);
            seen.add(l.key());
            io.record(l.key(), line.row().invalid() ? null : line.row().stats().sample());
            lastSeen.put(l.key(), line);
        }
        String detail = state.detailKey();
        io.retain(detail == null ? seen : union(seen, detail));
        lastSeen.keySet().removeIf(k -> !seen.contains(k) && !k.equals(detail));
        lines = fresh;
    }

    private static Set<String> union(Set<String> keys, String one) {
        Set<String> all = new HashSet<>(keys);
        all.add(one);
        return all;
    }

    private List<AttributedString> screen(int width, int height) {
        String clock = LocalTime.now().format(CLOCK);
        List<String> shownNotices = List.copyOf(notices);
        String detail = state.detailKey();
        if (detail != null && lastSeen.containsKey(detail)) {
            return detail(detail, clock, shownNotices).render(width, height);
        }
        List<LiveFrame.Line> visible = LiveFrame.visible(lines, state.look());
        state.fit(visible.stream().map(LiveFrame.Line::key).toList(), LiveFrame.rowsFitting(visible.size(), height, shownNotices.size()));
        return new LiveFrame(lines, engines, state.look(), clock, shownNotices, styles).render(width, height);
    }

    private DetailFrame detail(String key, String clock, List<String> shownNotices) {
        StatsBoard.Line line = lastSeen.get(key);
        boolean present = current.stream().anyMatch(l -> new LiveFrame.Line(l.row(), null).key().equals(key));
        float[] cpu = new float[0];
        float[] mem = new float[0];
        long span = 0;
        MetricHistory history = line.history();
        if (history != null) {
            history.read(0, batch);
            int n = batch.size();
            cpu = new float[n];
            mem = new float[n];
            for (int i = 0; i < n; i++) {
                cpu[i] = batch.cpu(i);
                mem[i] = batch.mem(i);
            }
            span = n < 2 ? 0 : batch.time(n - 1) - batch.time(0);
        }
        return new DetailFrame(new LiveFrame.Line(line.row(), cpu), present, cpu, mem, span, io.series(key), infos.get(key),
                infoErrors.get(key), clock, shownNotices, styles);
    }

    /** Reads the open detail's container from the engine when it opens and every few seconds, on a thread of its own. */
    private void inspectIfDue(long now) {
        String key = state.detailKey();
        if (key == null || inspector == null || !lastSeen.containsKey(key)) {
            return;
        }
        if (key.equals(inspectedKey) && now - inspected < INSPECT_MILLIS) {
            return;
        }
        StatsRow row = lastSeen.get(key).row();
        if (row.invalid() || !inspecting.compareAndSet(false, true)) {
            return;
        }
        inspectedKey = key;
        inspected = now;
        String environment = row.environment();
        String id = row.stats().id();
        Thread.ofVirtual().name("dockstat-live-inspect").start(() -> {
            try {
                infos.put(key, inspector.inspect(environment, id));
                infoErrors.remove(key);
            } catch (Exception e) {
                infoErrors.put(key, String.valueOf(e.getMessage()));
            } finally {
                inspecting.set(false);
                infoChanged.set(true);
            }
        });
    }

    private float[] cpuHistory(MetricHistory history) {
        if (history == null) {
            return new float[0];
        }
        history.read(Math.max(0, history.written() - LiveFrame.MAX_SPARK), batch);
        float[] cpu = new float[batch.size()];
        for (int i = 0; i < cpu.length; i++) {
            cpu[i] = batch.cpu(i);
        }
        return cpu;
    }

    /** Leaves the alternate screen, shows the cursor, restores the modes; once, from whichever thread comes first. */
    private static void restore(Terminal terminal, Attributes saved, AtomicBoolean restored) {
        if (!restored.compareAndSet(false, true)) {
            return;
        }
        try {
            terminal.puts(Capability.exit_ca_mode);
            terminal.puts(Capability.keypad_local);
            terminal.puts(Capability.cursor_normal); // cnorm; cursor_visible (cvvis) is "very visible" and leaves it hidden in tmux
            terminal.flush();
            terminal.setAttributes(saved);
        } catch (UncheckedIOException | IllegalStateException e) {
            // the terminal is gone (closed pty): nothing to restore
        }
    }
}

package dev.dockstat.cli.live;

import dev.dockstat.cli.stats.StatsBoard;
import dev.dockstat.core.history.HistoryBatch;
import dev.dockstat.core.history.MetricHistory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.Display;
import org.jline.utils.InfoCmp.Capability;
import org.jline.utils.NonBlockingReader;

/**
 * The full-screen {@code dockstat stats} on a terminal. Owns the terminal's lifecycle only: raw
 * mode, alternate screen, hidden cursor, a resize handler, a key read with a timeout that doubles
 * as the refresh tick, and the restore in {@code finally} (and in a shutdown hook, for a
 * {@code kill}). What a screen shows is {@link LiveFrame}'s business.
 *
 * <p>Keys: c, m, n, N, i, p sort (the same key again reverses), r reverses, q or Ctrl-C quits.
 */
public final class LiveView {

    /** How often the view looks for new rounds, resizes and keys between refreshes. */
    private static final long SLICE_MILLIS = 100;
    private static final long CLOCK_MILLIS = 1000;
    private static final int CTRL_C = 3;
    private static final int CTRL_D = 4;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final StatsBoard board;
    private final int engines;
    private final List<String> notices;
    private final HistoryBatch batch = new HistoryBatch();
    private SortKey sort = SortKey.CPU;
    private boolean reversed;

    /**
     * @param notices engine failures and recoveries, appended by other threads (a concurrent list)
     */
    public LiveView(StatsBoard board, int engines, List<String> notices) {
        this.board = board;
        this.engines = engines;
        this.notices = notices;
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
            Thread hook = new Thread(restore, "dockstat-restore-terminal");
            Runtime.getRuntime().addShutdownHook(hook);
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
                restore.run();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running or ran: nothing left to remove
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
        AtomicBoolean quit = new AtomicBoolean();
        terminal.handle(Terminal.Signal.WINCH, s -> resized.set(true));
        terminal.handle(Terminal.Signal.INT, s -> quit.set(true));
        Display display = new Display(terminal, true);
        Size size = terminal.getSize();
        display.resize(size.getRows(), size.getColumns());
        display.clear();
        NonBlockingReader reader = terminal.reader();
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
            long now = System.currentTimeMillis();
            if (redraw || version != drawn || now >= nextClock) {
                display.update(frame().render(size.getColumns(), size.getRows()), 0);
                terminal.flush();
                drawn = version;
                nextClock = now - now % CLOCK_MILLIS + CLOCK_MILLIS;
                redraw = false;
            }
            int c = reader.read(SLICE_MILLIS);
            if (c == NonBlockingReader.EOF || c == 'q' || c == 'Q' || c == CTRL_C || c == CTRL_D) {
                return;
            }
            if (c >= 0) {
                redraw = key(c);
            }
        }
    }

    /** Applies a key; true when the screen changes. */
    private boolean key(int c) {
        SortKey picked = SortKey.forKey(c);
        if (picked != null) {
            reversed = picked == sort && !reversed;
            sort = picked;
            return true;
        }
        if (c == 'r') {
            reversed = !reversed;
            return true;
        }
        return false;
    }

    private LiveFrame frame() {
        List<LiveFrame.Line> lines = new ArrayList<>();
        for (StatsBoard.Line line : board.lines()) {
            lines.add(new LiveFrame.Line(line.row(), cpuHistory(line.history())));
        }
        return new LiveFrame(lines, engines, sort, reversed, LocalTime.now().format(CLOCK), List.copyOf(notices));
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
            terminal.puts(Capability.cursor_visible);
            terminal.flush();
            terminal.setAttributes(saved);
        } catch (UncheckedIOException | IllegalStateException e) {
            // the terminal is gone (closed pty): nothing to restore
        }
    }
}

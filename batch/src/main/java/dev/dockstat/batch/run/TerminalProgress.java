package dev.dockstat.batch.run;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;

/**
 * One line per task, redrawn in place a few times a second: samples, elapsed, ETA, failures.
 * Uses only cursor-up and erase-line codes, which every terminal knows.
 */
public final class TerminalProgress implements Progress {

    private static final String UP = "\u001b[%dA";
    private static final String ERASE = "\r\u001b[2K";

    private final PrintWriter out;
    private volatile List<TaskState> tasks = List.of();
    private Thread ticker;
    private int drawn;

    public TerminalProgress(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void begin(List<TaskState> all) {
        tasks = List.copyOf(all);
        ticker = Thread.ofVirtual().name("dockstat-progress").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                draw();
                try {
                    Thread.sleep(250); // the refresh rate of the display, not a synchronization
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    private synchronized void draw() {
        StringBuilder frame = new StringBuilder();
        if (drawn > 0) {
            frame.append(String.format(UP, drawn));
        }
        for (TaskState t : tasks) {
            frame.append(ERASE).append(line(t)).append('\n');
        }
        drawn = tasks.size();
        out.print(frame);
        out.flush();
    }

    static String line(TaskState t) {
        Duration elapsed = t.elapsed();
        long eta = Math.max(0, t.length().minus(elapsed).toSeconds());
        String count = t.expected() > 0 ? t.samples() + "/" + t.expected() : Long.toString(t.samples());
        String state = switch (t.status()) {
            case RUNNING -> "eta " + eta + "s";
            default -> t.status().name().toLowerCase();
        };
        String failures = t.failures() == 0 ? "" : "  failures " + t.failures() + " (" + t.lastError() + ")";
        String text = String.format("%-28s %9s samples  %4ds  %-10s%s", t.label(), count, elapsed.toSeconds(), state, failures);
        return text.length() > 160 ? text.substring(0, 157) + "..." : text;
    }

    @Override
    public void failed(TaskState task, String message) {
        // shown on the task's line
    }

    @Override
    public void finished(TaskState task) {
        // shown on the task's line
    }

    @Override
    public void close() {
        if (ticker != null) {
            ticker.interrupt();
            try {
                ticker.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        draw();
    }
}

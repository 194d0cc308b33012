package dev.dockstat.cli.stats;

import dev.dockstat.cli.render.RowFormat;
import dev.dockstat.cli.render.StatsTable;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * {@code dockstat stats} when stdout is not a terminal: the whole table again after every engine
 * tick (or one JSON object per container and tick with {@code --format json}), with no cursor or
 * clear-screen codes, so a pipe or a file gets plain, parseable text. Runs until interrupted or
 * until the reader of stdout goes away.
 */
public final class StatsStream {

    /**
     * With several engines their ticks differ; one print per 90% of the board's cadence (900 ms at
     * the default 1 s) carries them all.
     */
    private final Duration minInterval;
    /** How long the first print waits for every engine's first round. */
    private static final Duration FIRST_WAIT = Duration.ofSeconds(5);

    private final StatsBoard board;
    private final RowFormat format;
    private final PrintWriter out;

    public StatsStream(StatsBoard board, RowFormat format, PrintWriter out) {
        this.board = board;
        this.format = format;
        this.out = out;
        this.minInterval = board.cadence().multipliedBy(9).dividedBy(10);
    }

    /** Prints until interrupted or stdout is closed. */
    public void run() throws InterruptedException {
        long seen = board.version();
        long firstDeadline = System.nanoTime() + FIRST_WAIT.toNanos();
        while (!board.settled() && System.nanoTime() < firstDeadline) {
            seen = board.awaitChange(seen, Duration.ofNanos(Math.max(1, firstDeadline - System.nanoTime())));
        }
        while (true) {
            long printed = System.nanoTime();
            out.print(StatsTable.render(board.lines().stream().map(StatsBoard.Line::row).toList(), format, board.withEnv()));
            out.flush();
            if (out.checkError()) {
                return; // the reader went away (a closed pipe): nothing left to do
            }
            long now;
            do {
                now = board.awaitChange(seen, Duration.ofSeconds(30));
            } while (now == seen);
            seen = now;
            long rest = minInterval.toNanos() - (System.nanoTime() - printed);
            if (rest > 0) {
                Thread.sleep(Duration.ofNanos(rest));
                seen = board.version();
            }
        }
    }
}

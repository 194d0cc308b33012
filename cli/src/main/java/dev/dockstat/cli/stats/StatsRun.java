package dev.dockstat.cli.stats;

import dev.dockstat.cli.ErrorReporter;
import dev.dockstat.cli.Warnings;
import dev.dockstat.cli.live.ContainerInfo;
import dev.dockstat.cli.live.LiveView;
import dev.dockstat.cli.live.Styles;
import dev.dockstat.cli.render.RowFormat;
import dev.dockstat.core.api.DockerClient;
import dev.dockstat.core.env.Environment;
import dev.dockstat.core.outcome.Outcome;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * {@code dockstat stats} once its options are read: one table ({@link StatsOnce}), or the engines
 * followed until the user stops (the full-screen {@link LiveView} on a terminal, tables into a pipe).
 *
 * @param named containers by name, ID or ID prefix; empty = every container listed
 * @param all stopped containers too
 * @param liveAllowed the format is the default table, so the full-screen view may be used
 * @param interval time between refreshes when following
 * @param sourceChoice attaches the chosen stats source to the engines' clients once they are open
 */
public record StatsRun(List<Environment> environments, List<String> named, boolean all, boolean noStream,
        boolean noTrunc, RowFormat rowFormat, boolean liveAllowed, Duration interval,
        Consumer<List<DockerClient>> sourceChoice) {

    /** The largest inspect answer the live view's detail reads (labels and env can make it long). */
    private static final int INSPECT_CAP = 4 << 20;

    /**
     * Runs to the end. With one engine, an engine that cannot be read is thrown as the command's
     * failure, as in docker; with several, each failure is a line on stderr and a cause.
     */
    public Outcome run(PrintWriter out, PrintWriter err) throws Exception {
        try (Engines engines = Engines.open(environments, Warnings.transports(err))) {
            sourceChoice.accept(engines.all().stream().map(Engines.Engine::client).toList());
            if (noStream) {
                return StatsOnce.print(engines, named, all, noTrunc, rowFormat, out, err);
            }
            List<Engines.Failure> down = engines.ping();
            if (down.size() == engines.all().size()) { // nothing to show; some engines down is reported by the board
                if (!engines.several()) {
                    throw down.get(0).error();
                }
                List<String> causes = down.stream().map(f -> ErrorReporter.message(f.error())).toList();
                causes.forEach(err::println);
                err.flush();
                return Outcome.failed(causes);
            }
            engines.requireContainers(named, down);
            follow(engines, out, err);
            return Outcome.ok();
        }
    }

    private void follow(Engines engines, PrintWriter out, PrintWriter err) throws Exception {
        if (liveAllowed && LiveView.available()) {
            List<String> notices = new CopyOnWriteArrayList<>();
            // the view lists stopped containers too, so that its 'a' key can show them without a new board
            try (StatsBoard board = new StatsBoard(engines, named, true, noTrunc, notices::add, interval).start()) {
                new LiveView(board, engines.all().size(), notices, all || !named.isEmpty(), Styles.of(System.getenv()),
                        inspector(engines)).run();
                notices.forEach(err::println); // what the view showed, kept after the screen is gone
                err.flush();
                return;
            } catch (LiveView.Unavailable e) {
                notices.forEach(err::println); // no screen after all: print tables as into a pipe
                err.flush();
            }
        }
        Consumer<String> toErr = line -> {
            synchronized (err) {
                err.println(line);
                err.flush();
            }
        };
        try (StatsBoard board = new StatsBoard(engines, named, all, noTrunc, toErr, interval).start()) {
            new StatsStream(board, rowFormat, out).run();
        }
    }

    /** The live view's detail: the engine's inspect of one container, on the client of its engine. */
    private static LiveView.Inspector inspector(Engines engines) {
        return (environment, id) -> {
            for (Engines.Engine engine : engines.all()) {
                if (engine.name().equals(environment)) {
                    byte[] json = engine.client().getRaw("/containers/" + id + "/json", DockerClient.DEFAULT_TIMEOUT, INSPECT_CAP);
                    return ContainerInfo.parse(json, engine.client().endpoint().display());
                }
            }
            throw new IllegalStateException("no engine " + environment);
        };
    }
}

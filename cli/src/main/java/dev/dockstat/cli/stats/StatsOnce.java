package dev.dockstat.cli.stats;

import dev.dockstat.cli.ErrorReporter;
import dev.dockstat.cli.render.RowFormat;
import dev.dockstat.cli.render.StatsRow;
import dev.dockstat.cli.render.StatsTable;
import dev.dockstat.core.api.DockerClient;
import dev.dockstat.core.api.DockerException;
import dev.dockstat.core.api.NotFoundException;
import dev.dockstat.core.model.ContainerSummary;
import dev.dockstat.core.outcome.Outcome;
import dev.dockstat.core.stats.StatsSnapshot;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code dockstat stats --no-stream}: one reading of every engine at once, one table. With one
 * engine any failure is the command's failure, as in docker. With several, an engine that fails is
 * one line on stderr and the others are shown (a partial outcome); a named container only counts as missing
 * when no engine has it.
 */
public final class StatsOnce {

    private StatsOnce() {}

    /** The snapshot of one engine, or why there is none. */
    private record Reading(Engines.Engine engine, List<StatsSnapshot.Entry> entries, DockerException error) {}

    public static Outcome print(Engines engines, List<String> named, boolean all, boolean noTrunc, RowFormat format,
            PrintWriter out, PrintWriter err) {
        List<Reading> readings = readAll(engines, named, all);
        if (!engines.several()) {
            Reading only = readings.get(0);
            if (only.error() != null) {
                throw only.error();
            }
            for (StatsSnapshot.Entry e : only.entries()) {
                // a listed container that went away between the list and its reading is left out, as docker does
                if (!e.ok() && !(named.isEmpty() && e.error() instanceof NotFoundException)) {
                    throw e.error();
                }
            }
        }
        List<StatsRow> rows = new ArrayList<>();
        Set<String> problems = new LinkedHashSet<>();
        Map<String, Boolean> foundSomewhere = new LinkedHashMap<>();
        named.forEach(n -> foundSomewhere.put(n, false));
        for (Reading r : readings) {
            if (r.error() != null) {
                problems.add(ErrorReporter.message(r.error()));
                continue;
            }
            for (StatsSnapshot.Entry e : r.entries()) {
                if (e.ok()) {
                    rows.add(new StatsRow(e.target(), r.engine().name(), e.stats(), noTrunc));
                    foundSomewhere.put(e.target(), true);
                } else if (!(e.error() instanceof NotFoundException)) {
                    problems.add(ErrorReporter.message(e.error()) + " (" + r.engine().name() + ")");
                }
            }
        }
        foundSomewhere.forEach((target, found) -> {
            if (!found && readings.stream().anyMatch(r -> r.error() == null)) {
                problems.add("Error: No such container: " + target);
            }
        });
        out.print(StatsTable.render(rows, format, engines.several()));
        out.flush();
        problems.forEach(err::println);
        err.flush();
        return Outcome.of(rows.size(), List.copyOf(problems));
    }

    private static List<Reading> readAll(Engines engines, List<String> named, boolean all) {
        try (ExecutorService executor = Executors.newThreadPerTaskExecutor(OneShotThreads.FACTORY)) {
            List<Future<Reading>> futures = new ArrayList<>();
            for (Engines.Engine engine : engines.all()) {
                futures.add(executor.submit(() -> read(engine, named, all)));
            }
            return futures.stream().map(Futures::join).toList();
        }
    }

    private static Reading read(Engines.Engine engine, List<String> named, boolean all) {
        try {
            engine.client().ping(DockerClient.PING_TIMEOUT);
            List<String> targets = !named.isEmpty() ? named
                    : engine.client().containers(all).stream().map(ContainerSummary::shortId).toList();
            return new Reading(engine, StatsSnapshot.take(engine.client(), targets, OneShotThreads.FACTORY), null);
        } catch (DockerException e) {
            return new Reading(engine, List.of(), e);
        }
    }
}

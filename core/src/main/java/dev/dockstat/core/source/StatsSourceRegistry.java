package dev.dockstat.core.source;

import dev.dockstat.core.api.DockerClient;
import dev.dockstat.core.api.EngineStatsSource;
import dev.dockstat.core.api.StatsSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The stats sources on the class path (core's engine source, the kernel plugin when present). The
 * one place that loads {@link StatsSourceProvider}s; commands ask it for the source of an engine
 * and attach it to the engine's client ({@link DockerClient#useStatsSource}), below every loop
 * that reads stats. Thread-safe.
 */
public final class StatsSourceRegistry {

    private final List<StatsSourceProvider> providers;

    StatsSourceRegistry(List<StatsSourceProvider> providers) {
        this.providers = providers.stream()
                .sorted(Comparator.comparingInt(StatsSourceProvider::priority).reversed())
                .toList();
    }

    public static StatsSourceRegistry load() {
        return load(StatsSourceRegistry.class.getClassLoader());
    }

    public static StatsSourceRegistry load(ClassLoader loader) {
        List<StatsSourceProvider> found = new ArrayList<>();
        ServiceLoader.load(StatsSourceProvider.class, loader).forEach(found::add);
        if (found.stream().noneMatch(p -> p.name().equals(EngineStatsSource.NAME))) {
            found.add(new EngineStatsSourceProvider()); // a class path without core's services file
        }
        return new StatsSourceRegistry(found);
    }

    /** Names of the sources on the class path, best first. */
    public List<String> names() {
        return providers.stream().map(StatsSourceProvider::name).toList();
    }

    /**
     * The source {@code choice} asks for. {@code auto} takes the highest-priority one that nothing
     * local rules out ({@link StatsSourceProvider#unsupported}) and says on {@code debug} (one line)
     * why a better one was passed over; an explicit choice is checked in full
     * ({@link StatsSourceProvider#unavailable}, which may ask the engine) and throws when it cannot
     * serve this engine.
     *
     * @throws SourceUnavailableException naming the source and why it cannot serve the engine
     */
    public StatsSource select(SourceChoice choice, DockerClient client, SourceSettings settings, Consumer<String> debug) {
        if (choice == SourceChoice.AUTO) {
            List<String> passed = new ArrayList<>();
            for (StatsSourceProvider p : providers) {
                // only the local checks: a source that then cannot read a container reads it
                // through the engine, so auto needs no requests of its own to be safe
                String why = unsupported(p, client, settings);
                if (why == null) {
                    if (!passed.isEmpty()) {
                        debug.accept("stats source for " + client.where() + ": " + p.name() + " (" + String.join("; ", passed) + ")");
                    }
                    return p.create(client, settings);
                }
                passed.add(p.name() + " source unavailable: " + why);
            }
            return new EngineStatsSource(client);
        }
        String wanted = choice.label();
        StatsSourceProvider provider = providers.stream().filter(p -> p.name().equals(wanted)).findFirst()
                .orElseThrow(() -> new SourceUnavailableException("stats source " + wanted + " is not installed (available: "
                        + providers.stream().map(StatsSourceProvider::name).collect(Collectors.joining(", ")) + ")"));
        String why = unavailable(provider, client, settings);
        if (why != null) {
            throw new SourceUnavailableException("stats source " + wanted + " cannot read " + client.where() + ": " + why);
        }
        return provider.create(client, settings);
    }

    /**
     * A source that chooses on its first use, for resident workers whose engines may be down or slow
     * when they are configured (choosing may ask the engine). An explicit choice is checked against
     * what is known locally at once; what needs the engine is checked on first use, and when that
     * fails the engine's API is used and {@code warn} hears why, once.
     *
     * @throws SourceUnavailableException when an explicit choice is ruled out locally
     */
    public StatsSource deferred(SourceChoice choice, DockerClient client, SourceSettings settings, Consumer<String> debug,
            Consumer<String> warn) {
        if (choice != SourceChoice.AUTO) {
            String wanted = choice.label();
            StatsSourceProvider provider = providers.stream().filter(p -> p.name().equals(wanted)).findFirst().orElse(null);
            String why = provider == null ? "it is not installed" : unsupported(provider, client, settings);
            if (why != null) {
                throw new SourceUnavailableException("stats source " + wanted + " cannot read " + client.where() + ": " + why);
            }
        }
        return new ChosenOnFirstUse(() -> {
            try {
                return select(choice, client, settings, debug);
            } catch (SourceUnavailableException e) {
                warn.accept(e.getMessage() + "; reading the engine's stats API instead");
                return new EngineStatsSource(client);
            }
        });
    }

    /** Attaches the chosen source to the client, so every collector over it reads through it. */
    public StatsSource attach(SourceChoice choice, DockerClient client, SourceSettings settings, Consumer<String> debug) {
        StatsSource source = select(choice, client, settings, debug);
        client.useStatsSource(source);
        return source;
    }

    private static String unsupported(StatsSourceProvider p, DockerClient client, SourceSettings settings) {
        try {
            return p.unsupported(client.endpoint(), settings);
        } catch (RuntimeException e) {
            return String.valueOf(e.getMessage());
        }
    }

    private static String unavailable(StatsSourceProvider p, DockerClient client, SourceSettings settings) {
        try {
            return p.unavailable(client, settings);
        } catch (RuntimeException e) {
            return String.valueOf(e.getMessage());
        }
    }
}

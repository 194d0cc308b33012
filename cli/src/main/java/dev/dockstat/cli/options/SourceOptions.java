package dev.dockstat.cli.options;

import dev.dockstat.cli.UsageException;
import dev.dockstat.core.api.DockerClient;
import dev.dockstat.core.source.SourceChoice;
import dev.dockstat.core.source.SourceSettings;
import dev.dockstat.core.source.SourceUnavailableException;
import dev.dockstat.core.source.StatsSourceRegistry;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --source auto|engine|kernel}: where a command reads container counters from. {@code auto}
 * reads the kernel's cgroup files for an engine on a local unix socket when they are readable,
 * else the engine's stats API without a word (one line on stderr with {@code DOCKSTAT_DEBUG=1});
 * {@code kernel} where it cannot work is a usage error (exit 2) naming why.
 */
public final class SourceOptions {

    @Option(names = "--source", paramLabel = "SOURCE", defaultValue = "auto",
            description = "Where container counters come from: auto (the kernel's cgroup files for a local engine when "
                    + "readable, else the engine's stats API), engine or kernel (default: ${DEFAULT-VALUE}).")
    String source = "auto";

    public SourceChoice choice() {
        return parse(source);
    }

    /** {@code --source}'s value, or a usage error naming the option. */
    public static SourceChoice parse(String text) {
        try {
            return SourceChoice.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--source: " + e.getMessage());
        }
    }

    /**
     * Attaches the chosen source to each client (below every loop that reads it).
     *
     * @throws UsageException when {@code kernel} was asked for and cannot serve an engine
     */
    public void attach(Iterable<DockerClient> clients, Map<String, String> env, PrintWriter err) {
        SourceChoice choice = choice();
        SourceSettings settings;
        try {
            settings = SourceSettings.fromEnvironment(env);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        boolean debug = "1".equals(env.get("DOCKSTAT_DEBUG"));
        StatsSourceRegistry registry = StatsSourceRegistry.load();
        for (DockerClient client : clients) {
            try {
                registry.attach(choice, client, settings, line -> {
                    if (debug) {
                        synchronized (err) {
                            err.println("dockstat: debug: " + line);
                            err.flush();
                        }
                    }
                });
            } catch (SourceUnavailableException e) {
                throw new UsageException(e.getMessage());
            }
        }
    }
}

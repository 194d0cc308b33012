package dev.dockstat.cli.stats;

import dev.dockstat.core.api.DockerClient;
import dev.dockstat.core.api.DockerException;
import dev.dockstat.core.api.NotFoundException;
import dev.dockstat.core.env.Environment;
import dev.dockstat.core.spi.TransportConfigException;
import dev.dockstat.core.transport.TransportRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The engines one command talks to: a client per environment, pinged together, closed together. */
public final class Engines implements AutoCloseable {

    /** One engine and its client. */
    public record Engine(Environment environment, DockerClient client) {
        public String name() {
            return environment.name();
        }
    }

    /** An engine that did not answer the first ping, and why. */
    public record Failure(Engine engine, DockerException error) {}

    private final List<Engine> engines;

    private Engines(List<Engine> engines) {
        this.engines = List.copyOf(engines);
    }

    /** Clients for every environment (connecting lazily); a bad transport configuration throws. */
    public static Engines open(List<Environment> environments, TransportRegistry registry) throws TransportConfigException {
        List<Engine> opened = new ArrayList<>();
        try {
            for (Environment e : environments) {
                opened.add(new Engine(e, e.connect(registry)));
            }
        } catch (TransportConfigException | RuntimeException e) {
            opened.forEach(o -> o.client().close());
            throw e;
        }
        return new Engines(opened);
    }

    /** Engines built around clients the caller made (tests, the training run). */
    public static Engines of(List<Engine> engines) {
        return new Engines(engines);
    }

    public List<Engine> all() {
        return engines;
    }

    /** More than one engine: rows get an ENV column. */
    public boolean several() {
        return engines.size() > 1;
    }

    /** Pings every engine at once; returns those that did not answer, in order. */
    public List<Failure> ping() {
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<DockerException>> answers = new ArrayList<>();
            for (Engine engine : engines) {
                answers.add(executor.submit(() -> {
                    try {
                        engine.client().ping(DockerClient.PING_TIMEOUT);
                        return null;
                    } catch (DockerException e) {
                        return e;
                    }
                }));
            }
            List<Failure> failures = new ArrayList<>();
            for (int i = 0; i < engines.size(); i++) {
                DockerException error = Futures.join(answers.get(i));
                if (error != null) {
                    failures.add(new Failure(engines.get(i), error));
                }
            }
            return failures;
        }
    }

    /**
     * Docker's check before streaming named containers: each must exist on an engine that answers
     * (the first missing one is the error, worded as the engine words it).
     *
     * @param down engines that did not answer the ping; not asked
     * @throws NotFoundException for a container no answering engine has
     */
    public void requireContainers(List<String> named, List<Failure> down) {
        List<Engine> up = engines.stream().filter(e -> down.stream().noneMatch(f -> f.engine() == e)).toList();
        for (String target : named) {
            NotFoundException missing = null;
            boolean found = false;
            for (Engine engine : up) {
                try {
                    engine.client().inspect(target);
                    found = true;
                    break;
                } catch (NotFoundException e) {
                    missing = e;
                }
            }
            if (!found && missing != null) {
                throw missing;
            }
        }
    }

    @Override
    public void close() {
        engines.forEach(e -> e.client().close());
    }
}

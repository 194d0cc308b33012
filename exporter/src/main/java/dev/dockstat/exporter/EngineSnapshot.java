package dev.dockstat.exporter;

import dev.dockstat.core.model.ContainerSummary;
import dev.dockstat.core.stats.ContainerStats;
import java.time.Duration;
import java.util.List;

/**
 * The latest completed round of one engine, which scrapes read: a scrape never waits for an
 * engine.
 *
 * @param environment the engine's name (label {@code environment})
 * @param up whether the last round could reach the engine
 * @param roundDuration how long the last round took
 * @param rounds rounds completed since start
 * @param errors rounds that failed since start
 * @param containers one entry per container read in the last round (empty when down)
 * @param lines the containers' sample lines, rendered once for every scrape of this round
 */
record EngineSnapshot(String environment, boolean up, Duration roundDuration, long rounds, long errors,
        List<Container> containers, EngineLines lines) {

    EngineSnapshot(String environment, boolean up, Duration roundDuration, long rounds, long errors, List<Container> containers) {
        this(environment, up, roundDuration, rounds, errors, containers, new EngineLines(environment, containers));
    }

    /** A container's identity (for labels) and its reading. */
    record Container(ContainerSummary summary, ContainerStats stats) {}

    static EngineSnapshot notYet(String environment) {
        return new EngineSnapshot(environment, false, Duration.ZERO, 0, 0, List.of());
    }
}

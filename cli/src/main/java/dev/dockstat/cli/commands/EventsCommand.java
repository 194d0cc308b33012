package dev.dockstat.cli.commands;

import dev.dockstat.cli.UsageException;
import dev.dockstat.cli.events.EventsRun;
import dev.dockstat.cli.options.EventFilters;
import dev.dockstat.cli.options.EventTime;
import dev.dockstat.cli.render.EventFormat;
import dev.dockstat.core.api.DockerClient;
import dev.dockstat.core.api.EventQuery;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dockstat events}: the engine's events as {@code docker events} prints them. */
@Command(name = "events", mixinStandardHelpOptions = true,
        description = {"Get real time events from the engine (like docker events).",
            "Without --until it follows until interrupted. When the engine or the path to it goes away it says so once,",
            "retries after 1 s, doubling to 15 s, and resumes after the last event shown: nothing lost, nothing repeated."},
        footer = {"", "Time values: RFC 3339 (2026-11-23T08:00:00Z, local time without a zone), unix seconds (1795430000.5),",
            "or a duration before now (10m, 1h30m, 90s).",
            "", "Examples:",
            "  dockstat events --filter type=container --filter event=die",
            "  dockstat events --since 10m --until 0s --format json",
            "  dockstat events --since 2026-11-23T08:00:00Z",
            "  dockstat events --format '{{.Action}} {{.Actor.Attributes.name}}'"})
public final class EventsCommand extends EngineCommand {

    /** Where to start: events before this time are shown first. */
    @Option(names = "--since", paramLabel = "TIME", description = "Show all events created since timestamp.")
    String since;

    /** Where to stop: without it, follow forever. */
    @Option(names = "--until", paramLabel = "TIME", description = "Stream events until this timestamp.")
    String until;

    /** Engine filters, key=value, repeatable. */
    @Option(names = {"-f", "--filter"}, paramLabel = "KEY=VALUE",
            description = "Filter output based on conditions provided (type, container, event, image, label, ...); repeatable.")
    List<String> filters = new ArrayList<>();

    /** json or a Go-style template; empty = docker's default line. */
    @Option(names = "--format", paramLabel = "FORMAT",
            description = "Format output: 'json' or a template, e.g. '{{.Type}} {{.Action}} {{.Actor.Attributes.name}}', '{{json .}}'.")
    String format;

    @Override
    public Integer call() throws Exception {
        Instant now = Instant.now();
        ZoneId zone = ZoneId.systemDefault();
        String sinceValue = time("--since", since, now, zone);
        String untilValue = time("--until", until, now, zone);
        EventFormat eventFormat = usage("--format", () -> EventFormat.parse(format, zone));
        Map<String, List<String>> engineFilters = usage("--filter", () -> EventFilters.parse(filters));
        EventQuery query = new EventQuery(sinceValue, untilValue, engineFilters);
        try (DockerClient client = connect(DockerClient.PING_TIMEOUT)) {
            EventsRun run = new EventsRun(client, eventFormat, out(), err());
            if (untilValue != null) {
                run.bounded(query);
            } else {
                run.follow(query, sinceValue == null ? 0 : EventTime.toNanos(sinceValue));
            }
        }
        return 0;
    }

    private static String time(String option, String value, Instant now, ZoneId zone) {
        return value == null ? null : usage(option, () -> EventTime.parse(value, now, zone));
    }

    private static <T> T usage(String option, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + ": " + e.getMessage());
        }
    }
}

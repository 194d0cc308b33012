package dev.dockstat.batch.run;

import dev.dockstat.batch.plan.Plan;
import dev.dockstat.core.api.DockerClient;
import dev.dockstat.core.loop.Backoff;
import dev.dockstat.core.model.ContainerSummary;
import dev.dockstat.core.model.StatsSample;
import dev.dockstat.core.stats.ContainerStats;
import dev.dockstat.core.stats.Round;
import dev.dockstat.core.stats.StatsPoller;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Stats rounds every interval, one line per container per round: a listener of a
 * {@link StatsPoller} that stops after the plan's rounds. A failed round is counted and the next
 * attempts back off (skipping scheduled rounds) while the engine stays away.
 */
record StatsCollection(Plan.Job job, Plan.Stats spec, String env, Records records) implements JobCollection {

    static final List<String> COLUMNS = List.of("time", "env", "job", "id", "name", "cpu_percent", "mem_used", "mem_limit",
            "mem_percent", "net_rx", "net_tx", "blk_read", "blk_write", "pids");
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public void run(DockerClient client, OutputFile out, TaskState state, StopSignal stop) throws IOException {
        Lines lines = new Lines(out, state);
        StatsPoller poller = StatsPoller.of(client, spec.interval())
                .containers(spec.includeStopped(), selector(spec))
                .backoff(new Backoff(Duration.ofSeconds(1), MAX_BACKOFF))
                .rounds(spec.rounds())
                .listener(lines);
        lines.poller = poller;
        try (poller; StopSignal.Subscription ignored = stop.onStop(poller::stop)) {
            poller.run();
        }
        if (lines.failure != null) {
            throw lines.failure;
        }
    }

    /** Writes each round; a failed write ends the task, as the file can no longer be trusted. */
    private final class Lines implements StatsPoller.Listener {
        private final OutputFile out;
        private final TaskState state;
        StatsPoller poller;
        IOException failure;

        Lines(OutputFile out, TaskState state) {
            this.out = out;
            this.state = state;
        }

        @Override
        public void collected(Round round) {
            if (failure != null) {
                return;
            }
            try {
                write(round, out);
                state.sample();
            } catch (IOException e) {
                failure = e;
                poller.stop();
            }
        }

        @Override
        public void failed(StatsPoller.Failure failure) {
            state.failure(failure.message());
        }
    }

    private void write(Round round, OutputFile out) throws IOException {
        String roundTime = round.started().toString();
        for (ContainerStats s : round.stats()) {
            StatsSample x = s.sample();
            String time = x.readNanos() > 0 ? Instant.ofEpochSecond(0, x.readNanos()).toString() : roundTime;
            out.line(records.line(time, env, job.name(), x.id(), s.name(), s.cpuPercent(), s.memUsed(), x.memLimit(),
                    s.memPercent(), x.netRx(), x.netTx(), x.blkRead(), x.blkWrite(), x.pids()));
        }
    }

    /** Name globs (any may match) and labels (all must match). */
    static Predicate<ContainerSummary> selector(Plan.Stats spec) {
        List<Pattern> globs = spec.names().stream().map(StatsCollection::glob).toList();
        return c -> (globs.isEmpty() || globs.stream().anyMatch(g -> g.matcher(c.name()).matches()))
                && spec.labels().entrySet().stream().allMatch(l -> l.getValue().equals(c.labels().get(l.getKey())));
    }

    static Pattern glob(String glob) {
        StringBuilder re = new StringBuilder();
        for (char ch : glob.toCharArray()) {
            switch (ch) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return Pattern.compile(re.toString());
    }
}

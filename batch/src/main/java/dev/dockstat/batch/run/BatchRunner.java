package dev.dockstat.batch.run;

import dev.dockstat.batch.plan.Plan;
import dev.dockstat.core.api.DockerClient;
import dev.dockstat.core.env.Environment;
import dev.dockstat.core.outcome.Outcome;
import dev.dockstat.core.source.SourceSettings;
import dev.dockstat.core.source.SourceUnavailableException;
import dev.dockstat.core.source.StatsSourceRegistry;
import dev.dockstat.core.spi.TransportConfigException;
import dev.dockstat.core.transport.TransportRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs a validated plan: every job on each of its engines at once, one virtual thread per
 * (job, engine), each writing its own output atomically. An engine that fails affects only its own
 * tasks.
 */
public final class BatchRunner {

    private final Plan plan;
    private final PlanEnvironments environments;
    private final Map<String, String> processEnv;
    private final TransportRegistry registry;
    private final Progress progress;
    private final LocalDateTime startedAt = LocalDateTime.now();

    public BatchRunner(Plan plan, Map<String, String> processEnv, TransportRegistry registry, Progress progress) {
        this.plan = plan;
        this.environments = new PlanEnvironments(processEnv);
        this.processEnv = processEnv;
        this.registry = registry;
        this.progress = progress;
    }

    /** Runs to the end or until {@code stop}; returns every task's final state. */
    public List<TaskState> run(StopSignal stop) throws InterruptedException {
        Map<String, DockerClient> clients = new HashMap<>();
        Map<String, String> connectErrors = new HashMap<>();
        connect(clients, connectErrors);
        List<TaskState> states = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        List<Runnable> starts = new ArrayList<>();
        for (Plan.Job job : plan.jobs()) {
            for (String env : job.environments()) {
                JobCollection collection = JobCollections.of(job, env);
                TaskState state = new TaskState(job.name(), env, job.collect().length(), JobCollections.expected(job.collect()));
                states.add(state);
                starts.add(() -> threads.add(Thread.ofVirtual().name("dockstat-task-" + state.label())
                        .start(() -> runTask(job, collection, state, clients.get(env), connectErrors.get(env), stop))));
            }
        }
        progress.begin(states);
        starts.forEach(Runnable::run);
        for (Thread t : threads) {
            t.join();
        }
        progress.close();
        clients.values().forEach(DockerClient::close);
        return states;
    }

    /**
     * Connects to each engine with the plan's stats source attached below its collections; an engine
     * the source cannot read (kernel for a remote engine) fails its own tasks, like one that is down.
     */
    private void connect(Map<String, DockerClient> clients, Map<String, String> errors) {
        StatsSourceRegistry sources = StatsSourceRegistry.load();
        for (Plan.EnvSpec spec : plan.environments().values()) {
            DockerClient client = null;
            try {
                Environment env = environments.toEnvironment(spec);
                client = env.connect(registry);
                sources.attach(plan.source(), client, SourceSettings.fromEnvironment(processEnv), line -> {});
                clients.put(spec.name(), client);
            } catch (TransportConfigException | IllegalStateException | UncheckedIOException | IllegalArgumentException
                    | SourceUnavailableException e) {
                if (client != null) {
                    client.close();
                }
                errors.put(spec.name(), e.getMessage());
            }
        }
    }

    private void runTask(Plan.Job job, JobCollection collection, TaskState state, DockerClient client, String connectError,
            StopSignal stop) {
        state.start();
        if (client == null) {
            state.failure(connectError);
            progress.failed(state, connectError);
            state.finish(TaskState.Status.FAILED, null, 0);
            progress.finished(state);
            return;
        }
        Path target = Path.of(expand(job.output().path(), job.name(), state.environment()));
        try (OutputFile out = new OutputFile(target, job.output().gzip())) {
            Records records = collection.records();
            if (records.header() != null) {
                out.line(records.header());
            }
            FailureWatch watch = new FailureWatch(state, progress);
            watch.start();
            try {
                collection.run(client, out, state, stop);
            } finally {
                watch.stop();
            }
            TaskState.Status outcome = state.outcome(stop.stopped());
            if (outcome == TaskState.Status.FAILED) {
                state.finish(outcome, null, 0); // no data: leave no file that looks like a result
                progress.finished(state);
                return;
            }
            out.commit();
            long dataRows = out.lines() - (records.header() == null ? 0 : 1);
            state.finish(outcome, out.target(), dataRows);
        } catch (IOException | RuntimeException e) {
            state.failure("output " + target + ": " + e.getMessage());
            state.finish(TaskState.Status.FAILED, null, 0);
        }
        progress.finished(state);
    }

    /**
     * The run as a whole: OK when every task is, FAILED when none is, else PARTIAL; a cause per
     * task that did not end OK.
     */
    public static Outcome outcome(List<TaskState> states) {
        List<String> causes = states.stream().filter(s -> s.status() != TaskState.Status.OK)
                .map(s -> s.label() + ": " + (s.lastError() != null ? s.lastError() : s.status().name().toLowerCase(Locale.ROOT)))
                .toList();
        return Outcome.of(states.size() - causes.size(), causes);
    }

    /** {env}, {job}, {date} (yyyyMMdd) and {time} (HHmmss, the run's start). */
    String expand(String template, String job, String env) {
        return template.replace("{env}", env).replace("{job}", job)
                .replace("{date}", startedAt.format(DateTimeFormatter.BASIC_ISO_DATE))
                .replace("{time}", startedAt.format(DateTimeFormatter.ofPattern("HHmmss")));
    }
}

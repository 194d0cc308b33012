package dev.dockstat.cli.commands;

import dev.dockstat.batch.plan.Plan;
import dev.dockstat.batch.plan.PlanReader;
import dev.dockstat.batch.run.BatchRunner;
import dev.dockstat.batch.run.LogProgress;
import dev.dockstat.batch.run.Progress;
import dev.dockstat.batch.run.StopSignal;
import dev.dockstat.batch.run.TaskState;
import dev.dockstat.batch.run.TerminalProgress;
import dev.dockstat.cli.ExitCodes;
import dev.dockstat.cli.Shutdown;
import dev.dockstat.cli.Terminals;
import dev.dockstat.cli.Warnings;
import dev.dockstat.cli.options.SourceOptions;
import dev.dockstat.cli.render.TabTable;
import dev.dockstat.core.source.SourceChoice;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dockstat run PLAN.yaml}: scripted collection from a plan file. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a collection plan: engines, jobs (stats, events, df), durations and outputs (NDJSON or CSV) described in a YAML file.",
            "The plan is checked first: every mistake is reported as PLAN:LINE:COL and nothing runs (exit 2).",
            "Exit 0 when every job succeeded, 3 when some failed (e.g. an engine was down), 1 when all failed.",
            "Ctrl-C or SIGTERM stops the run; every output file is left complete and valid."},
        footer = {"", "Examples:", "  dockstat run examples/plan.yaml", "  dockstat run --check examples/plan.yaml",
            "  dockstat run --quiet nightly.yaml >> collect.log"})
public final class RunCommand extends BaseCommand {

    private static final Duration STOP_GRACE = Duration.ofSeconds(15);

    /** The plan file. */
    @Parameters(paramLabel = "PLAN.yaml", description = "The plan file (its format: docs/run.md).")
    Path planFile;

    /** Validate only. */
    @Option(names = "--check", description = "Check the plan and exit: 0 if valid, 2 with every problem listed.")
    boolean check;

    /** Overrides the plan's {@code source:}; null keeps the plan's. */
    @Option(names = "--source", paramLabel = "SOURCE",
            description = "Where container counters come from: auto, engine or kernel; overrides the plan's 'source:' "
                    + "(default: the plan's, else auto).")
    String source;

    /** No progress output. */
    @Option(names = {"-q", "--quiet"}, description = "No progress output; only errors and the summary.")
    boolean quiet;



    @Override
    public Integer call() throws Exception {
        PrintWriter out = out();
        PrintWriter err = err();
        SourceChoice override = source == null ? null : SourceOptions.parse(source);
        PlanReader.Result read = new PlanReader(env).read(planFile);
        if (!read.ok()) {
            read.problems().lines().forEach(err::println);
            err.println(read.problems().size() + (read.problems().size() == 1 ? " problem" : " problems") + " in " + planFile + "; nothing was run.");
            err.flush();
            return ExitCodes.USAGE;
        }
        Plan plan = override == null ? read.plan() : read.plan().withSource(override);
        if (check) {
            out.println(planFile + ": OK (" + plan.jobs().size() + " jobs, " + plan.environments().size() + " environments)");
            out.flush();
            return ExitCodes.OK;
        }
        return run(plan, out, err);
    }

    private int run(Plan plan, PrintWriter out, PrintWriter err) throws InterruptedException {
        StopSignal stop = new StopSignal();
        // a signal lets the tasks flush and rename their files before the process ends
        try (Shutdown shutdown = Shutdown.onSignal(stop::stop, STOP_GRACE)) {
            List<TaskState> states = new BatchRunner(plan, env, Warnings.transports(err), progress(err)).run(stop);
            out.print(summary(states));
            out.flush();
            return ExitCodes.of(BatchRunner.outcome(states));
        }
    }

    private Progress progress(PrintWriter err) {
        if (quiet) {
            return Progress.QUIET;
        }
        return Terminals.isTerminal(2) ? new TerminalProgress(err) : new LogProgress(err);
    }

    static String summary(List<TaskState> states) {
        TabTable table = new TabTable().add("JOB\tENV\tSTATUS\tSAMPLES\tROWS\tFAILURES\tOUTPUT");
        for (TaskState t : states) {
            table.add(String.join("\t", t.job(), t.environment(), t.status().name(), Long.toString(t.samples()),
                    Long.toString(t.rows()), Long.toString(t.failures()), t.output() == null ? "-" : t.output().toString()));
        }
        StringBuilder text = new StringBuilder(table.render());
        for (TaskState t : states) {
            if (t.failures() > 0) {
                text.append(t.label()).append(": ").append(t.lastError()).append('\n');
            }
        }
        return text.toString();
    }
}

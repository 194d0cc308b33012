package dev.dockstat.cli.commands;

import dev.dockstat.cli.train.TrainingRun;
import picocli.CommandLine.Command;

/** {@code dockstat __train}: the build's AOT training run (hidden; see {@link TrainingRun}). */
@Command(name = "__train", hidden = true, description = "Exercise the classes of a typical run on canned data (for the AOT cache).")
public final class TrainCommand extends BaseCommand {

    /** Only what the quick commands (version, help) load: the start-up cache. */
    @picocli.CommandLine.Option(names = "--startup")
    boolean startupOnly;


    @Override
    public Integer call() throws Exception {
        TrainingRun.run(env, startupOnly);
        return 0;
    }
}

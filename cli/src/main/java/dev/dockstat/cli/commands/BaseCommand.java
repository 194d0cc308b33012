package dev.dockstat.cli.commands;

import dev.dockstat.cli.EnvAware;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every command has: its picocli spec (for its out and err) and the process environment it was given. */
abstract class BaseCommand implements Callable<Integer>, EnvAware {

    @Spec
    CommandSpec spec;

    /** The process environment (passed in by the factory, never read from a global). */
    Map<String, String> env = Map.of();

    @Override
    public void processEnvironment(Map<String, String> env) {
        this.env = env;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}

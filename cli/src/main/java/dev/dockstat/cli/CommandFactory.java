package dev.dockstat.cli;

import java.util.Map;
import picocli.CommandLine;

/** Builds commands with the process environment they need, instead of letting them read globals. */
final class CommandFactory implements CommandLine.IFactory {

    private final Map<String, String> env;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    CommandFactory(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        if (EnvAware.class.isAssignableFrom(type)) {
            K instance = fallback.create(type);
            ((EnvAware) instance).processEnvironment(env);
            return instance;
        }
        return fallback.create(type);
    }
}

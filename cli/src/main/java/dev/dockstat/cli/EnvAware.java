package dev.dockstat.cli;

import java.util.Map;

/** A command or mixin that reads the process environment (given by {@link CommandFactory}). */
public interface EnvAware {

    void processEnvironment(Map<String, String> env);
}

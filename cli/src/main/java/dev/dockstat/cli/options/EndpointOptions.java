package dev.dockstat.cli.options;

import dev.dockstat.cli.EnvAware;
import dev.dockstat.core.env.Environment;
import dev.dockstat.core.env.EnvironmentResolver;
import java.util.Map;
import picocli.CommandLine.Option;

/** Which engine to talk to: {@code -H}, else {@code DOCKER_HOST}, else the default socket. */
public final class EndpointOptions implements EnvAware {

    @Option(names = {"-H", "--host"}, paramLabel = "HOST",
            description = "Engine to connect to: unix:///path, tcp://host:port (default: $DOCKER_HOST, else unix:///var/run/docker.sock).")
    String host;

    private Map<String, String> env = Map.of();

    @Override
    public void processEnvironment(Map<String, String> env) {
        this.env = env;
    }

    /** The engine the user chose. */
    public Environment environment() {
        return new EnvironmentResolver(env).resolve(host);
    }
}

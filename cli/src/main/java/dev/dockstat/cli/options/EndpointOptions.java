package dev.dockstat.cli.options;

import dev.dockstat.cli.EnvAware;
import dev.dockstat.core.env.Environment;
import dev.dockstat.core.env.EnvironmentResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Which engines to talk to: {@code -H} (repeatable), else {@code DOCKER_HOST}, else the default socket. */
public final class EndpointOptions implements EnvAware {

    @Option(names = {"-H", "--host"}, paramLabel = "HOST",
            description = "Engine to connect to: unix:///path, tcp://host:port (default: $DOCKER_HOST, else unix:///var/run/docker.sock). Repeat for several engines.")
    List<String> hosts = new ArrayList<>();

    private Map<String, String> env = Map.of();

    @Override
    public void processEnvironment(Map<String, String> env) {
        this.env = env;
    }

    /** The engine the user chose (the first, when several were given). */
    public Environment environment() {
        return environments().get(0);
    }

    /** Every engine the user chose, in the order given; never empty. */
    public List<Environment> environments() {
        EnvironmentResolver resolver = new EnvironmentResolver(env);
        if (hosts.isEmpty()) {
            return List.of(resolver.resolve(null));
        }
        return hosts.stream().map(resolver::resolve).toList();
    }
}

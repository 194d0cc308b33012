package dev.dockstat.cli.options;

import dev.dockstat.cli.EnvAware;
import dev.dockstat.cli.UsageException;
import dev.dockstat.core.env.Environment;
import dev.dockstat.core.env.EnvironmentException;
import dev.dockstat.core.env.EnvironmentResolver;
import dev.dockstat.core.env.EnvironmentSelection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Which engines to talk to. Nothing given = the engine the docker CLI would use ({@code --context},
 * {@code -H}, {@code DOCKER_HOST}, {@code DOCKER_CONTEXT}, docker's current context, the default
 * socket); see {@link EnvironmentResolver}.
 *
 * <p>A mixin of the top command too, so that {@code dockstat -H HOST stats} works as docker users type
 * it: an engine command's options add to the top command's ({@code -H} and {@code --env} accumulate,
 * {@code --context} and {@code --config} after the command override those before it), and {@code -H}
 * with {@code --context} is the same error wherever each was typed.
 */
public final class EndpointOptions implements EnvAware {

    /** Engine addresses; each is an environment of its own. */
    @Option(names = {"-H", "--host"}, paramLabel = "HOST",
            description = "Engine to connect to: unix:///path, tcp://host:port, ssh://[user@]host[:port] (default: $DOCKER_HOST, a docker context, $CONTAINER_HOST, else the first of /var/run/docker.sock and Podman's sockets that exists). Repeat for several engines.")
    List<String> hosts = new ArrayList<>();

    /** A docker CLI context (docker context ls); not together with -H. */
    @Option(names = {"-c", "--context"}, paramLabel = "NAME",
            description = "Docker CLI context to use (default: $DOCKER_CONTEXT, else docker's current context).")
    String context;

    /** Named environments of the dockstat environments file. */
    @Option(names = "--env", paramLabel = "NAME", split = ",",
            description = "Environment(s) from the environments file, comma-separated or repeated.")
    List<String> environmentNames = new ArrayList<>();

    /** The environments file. */
    @Option(names = "--config", paramLabel = "FILE",
            description = "Environments file for --env (default: $DOCKSTAT_CONFIG, else environments.yaml in $XDG_CONFIG_HOME/dockstat or ~/.config/dockstat).")
    Path config;

    /** The command these options belong to: the top command's are read through it. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    private Map<String, String> env = Map.of();

    @Override
    public void processEnvironment(Map<String, String> env) {
        this.env = env;
    }

    /** Every engine the user chose, in the order given; one unless several -H or --env were given. */
    public List<Environment> environments() throws EnvironmentException {
        return new EnvironmentResolver(env, home()).resolve(selection());
    }

    /**
     * The {@code metrics:} section of the environments file ({@code --config}, {@code $DOCKSTAT_CONFIG}
     * or the default), or none when no file was named and the default does not exist.
     */
    public dev.dockstat.core.env.MetricsEndpointSettings metricsEndpoint() throws EnvironmentException {
        Path file = new EnvironmentResolver(env, home()).configFile(selection());
        boolean named = selection().configFile() != null || env.containsKey("DOCKSTAT_CONFIG");
        if (!named && !java.nio.file.Files.exists(file)) {
            return dev.dockstat.core.env.MetricsEndpointSettings.NONE;
        }
        return dev.dockstat.core.env.EnvironmentsFile.read(file, env, home()).metricsEndpoint();
    }

    private Path home() {
        return Path.of(env.getOrDefault("HOME", System.getProperty("user.home")));
    }

    private EnvironmentSelection selection() {
        EndpointOptions top = top();
        if (top == null) {
            return new EnvironmentSelection(hosts, context, environmentNames, config);
        }
        return new EnvironmentSelection(concat(top.hosts, hosts), context != null ? context : top.context,
                concat(top.environmentNames, environmentNames), config != null ? config : top.config);
    }

    /** Whether any engine option was given here (for the top command: before the subcommand). */
    public boolean given() {
        return !hosts.isEmpty() || context != null || !environmentNames.isEmpty() || config != null;
    }

    /** The top command's engine options when these are a subcommand's, else null. */
    private EndpointOptions top() {
        if (command == null || command.parent() == null) {
            return null;
        }
        return of(command.root());
    }

    /** The engine options mixed into a command, or null when it takes none. */
    public static EndpointOptions of(CommandSpec spec) {
        for (CommandSpec mixin : spec.mixins().values()) {
            if (mixin.userObject() instanceof EndpointOptions options) {
                return options;
            }
        }
        return null;
    }

    private static <T> List<T> concat(List<T> first, List<T> then) {
        List<T> all = new ArrayList<>(first);
        all.addAll(then);
        return all;
    }

    /** The one engine of a command that watches one. */
    public Environment environment() throws EnvironmentException {
        List<Environment> all = environments();
        if (all.size() != 1) {
            throw new UsageException("this command takes one engine; " + all.size() + " were given ("
                    + all.stream().map(Environment::name).collect(Collectors.joining(", ")) + ")");
        }
        return all.getFirst();
    }
}

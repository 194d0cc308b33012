package dev.dockstat.core.env;

import dev.dockstat.core.spi.Endpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Decides which engines a command talks to. With no selection, the one the docker CLI would use,
 * in the docker CLI's order (checked against docker 28's {@code resolveContextName}):
 * <ol>
 *   <li>{@code --context NAME} (an error together with {@code -H}, as in docker)</li>
 *   <li>{@code -H/--host}</li>
 *   <li>{@code DOCKER_HOST}, with {@code DOCKER_TLS_VERIFY}/{@code DOCKER_TLS}/{@code DOCKER_CERT_PATH}</li>
 *   <li>{@code DOCKER_CONTEXT}</li>
 *   <li>the docker CLI's current context ({@code currentContext} of {@code config.json})</li>
 *   <li>{@code CONTAINER_HOST}, the podman CLI's variable</li>
 *   <li>the first engine socket that exists: {@code /var/run/docker.sock}, Podman's rootful
 *       {@code /run/podman/podman.sock}, its rootless {@code $XDG_RUNTIME_DIR/podman/podman.sock}</li>
 *   <li>{@code unix:///var/run/docker.sock} (so the error names docker's socket)</li>
 * </ol>
 * Steps 6 and 7 are dockstat's own (docs/podman.md): the docker CLI stops at docker's socket, but a
 * host that runs Podman alone has nothing there.
 * The context named {@code default} means "no context": steps 3 and 6. {@code --env NAME} adds
 * environments of dockstat's own file ({@link EnvironmentsFile}); several {@code -H} or
 * {@code --env} give several environments.
 *
 * <p>Pure: the process environment and the home directory are passed in, never read from globals.
 */
public final class EnvironmentResolver {

    public static final String DEFAULT_HOST = "unix:///var/run/docker.sock";
    public static final String DEFAULT_CONTEXT = "default";
    /** Podman's rootful service socket (its systemd unit's). */
    public static final String PODMAN_ROOTFUL_SOCKET = "/run/podman/podman.sock";

    private final Map<String, String> env;
    private final Path home;
    private final Path dockerConfigDir;
    private final Predicate<Path> socketExists;

    public EnvironmentResolver(Map<String, String> env, Path home) {
        this(env, home, Files::exists);
    }

    /** @param socketExists whether an engine socket is there (the file system, or a test's answer) */
    public EnvironmentResolver(Map<String, String> env, Path home, Predicate<Path> socketExists) {
        this.socketExists = socketExists;
        this.env = Map.copyOf(env);
        this.home = home;
        this.dockerConfigDir = variable("DOCKER_CONFIG").map(Path::of).orElse(home.resolve(".docker"));
    }

    /** The engines of a selection, in the order named: hosts, the context, then {@code --env} names. */
    public List<Environment> resolve(EnvironmentSelection selection) throws EnvironmentException {
        if (!selection.hosts().isEmpty() && selection.context() != null) {
            throw new EnvironmentException("conflicting options: cannot specify both --host and --context");
        }
        List<Environment> environments = new ArrayList<>();
        for (String host : selection.hosts()) {
            environments.add(fromHost(host.strip(), host.strip()));
        }
        if (selection.context() != null) {
            environments.add(context(selection.context()));
        }
        if (!selection.names().isEmpty()) {
            EnvironmentsFile file = EnvironmentsFile.read(configFile(selection), env, home);
            for (String name : selection.names()) {
                environments.add(file.environment(name.strip()));
            }
        }
        if (environments.isEmpty()) {
            environments.add(implicit());
        }
        return List.copyOf(environments);
    }

    /**
     * The dockstat environments file this selection reads: {@code --config}, {@code $DOCKSTAT_CONFIG},
     * else {@code environments.yaml} in dockstat's configuration directory ({@link #configDirectory}).
     */
    public Path configFile(EnvironmentSelection selection) {
        if (selection.configFile() != null) {
            return selection.configFile();
        }
        return variable("DOCKSTAT_CONFIG").map(Path::of).orElse(configDirectory().resolve("environments.yaml"));
    }

    /**
     * {@code $XDG_CONFIG_HOME/dockstat}, else {@code ~/.config/dockstat}. The XDG base directory
     * specification says a relative {@code XDG_CONFIG_HOME} is invalid and to be ignored, so it is.
     */
    public Path configDirectory() {
        return variable("XDG_CONFIG_HOME").map(Path::of).filter(Path::isAbsolute)
                .orElse(home.resolve(".config")).resolve("dockstat");
    }

    /** What docker would use when told nothing. */
    private Environment implicit() throws EnvironmentException {
        Optional<String> dockerHost = variable("DOCKER_HOST");
        if (dockerHost.isPresent()) {
            return fromHost(dockerHost.get(), dockerHost.get());
        }
        Optional<String> context = variable("DOCKER_CONTEXT");
        if (context.isEmpty()) {
            context = new DockerContexts(dockerConfigDir).current();
        }
        return context.isPresent() ? context(context.get()) : discovered();
    }

    /** Nothing of docker's configured: the podman CLI's variable, then the first socket that is there. */
    private Environment discovered() throws EnvironmentException {
        Optional<String> containerHost = variable("CONTAINER_HOST");
        if (containerHost.isPresent()) {
            return fromHost(containerHost.get(), containerHost.get());
        }
        if (socketExists.test(Path.of(DEFAULT_HOST.substring("unix://".length())))) {
            return fromHost(DEFAULT_CONTEXT, DEFAULT_HOST);
        }
        List<String> podman = new ArrayList<>(List.of(PODMAN_ROOTFUL_SOCKET));
        variable("XDG_RUNTIME_DIR").ifPresent(dir -> podman.add(dir + "/podman/podman.sock"));
        for (String socket : podman) {
            if (socketExists.test(Path.of(socket))) {
                return fromHost("unix://" + socket, "unix://" + socket);
            }
        }
        return fromHost(DEFAULT_CONTEXT, DEFAULT_HOST);
    }

    private Environment context(String name) throws EnvironmentException {
        if (DEFAULT_CONTEXT.equals(name)) {
            return fromHost(DEFAULT_CONTEXT, variable("DOCKER_HOST").orElse(DEFAULT_HOST));
        }
        DockerContexts.Context context = new DockerContexts(dockerConfigDir).get(name);
        Endpoint endpoint = endpoint(context.host());
        // as the docker CLI: TLS when the context has TLS files or says to skip verification
        if (context.hasTlsFiles() || context.skipTlsVerify()) {
            endpoint = endpoint.withTls(TlsFiles.fromDockerDirectory(context.tlsDirectory(), context.skipTlsVerify()));
        }
        return new Environment(name, endpoint);
    }

    /** An engine given by address; the docker TLS variables apply to TCP addresses. */
    private Environment fromHost(String name, String host) throws EnvironmentException {
        Endpoint endpoint = endpoint(host);
        if (!"unix".equals(endpoint.scheme())) {
            var tls = new DockerTlsVariables(env, dockerConfigDir).tls();
            if (tls.isPresent()) {
                endpoint = endpoint.withTls(tls.get());
            }
        }
        return new Environment(name, endpoint);
    }

    static Endpoint endpoint(String host) throws EnvironmentException {
        try {
            Endpoint endpoint = Endpoint.of(normalize(host));
            if (endpoint.scheme().isEmpty()) {
                throw new IllegalArgumentException("no scheme");
            }
            return endpoint;
        } catch (IllegalArgumentException e) {
            throw new EnvironmentException("not an engine address: " + host + " (expected unix:///PATH or tcp://HOST:PORT)");
        }
    }

    /** {@code /path/docker.sock} and {@code host:port} are accepted as docker accepts them. */
    static String normalize(String host) {
        if (host.startsWith("/")) {
            return "unix://" + host;
        }
        if (!host.contains("://")) {
            return "tcp://" + host;
        }
        return host;
    }

    private Optional<String> variable(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}

package dev.dockstat.core.env;

import dev.dockstat.core.spi.Endpoint;
import java.util.Map;

/**
 * Decides which engine a command talks to when the user named none explicitly, the way the docker
 * CLI does: {@code -H/--host} first, then {@code DOCKER_HOST}, then the default socket. The process
 * environment is passed in, never read from a global, so tests can give their own.
 */
public final class EnvironmentResolver {

    public static final String DEFAULT_HOST = "unix:///var/run/docker.sock";

    private final Map<String, String> env;

    public EnvironmentResolver(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** The engine for a {@code -H} value (null when the flag was not given). */
    public Environment resolve(String hostFlag) {
        if (hostFlag != null && !hostFlag.isBlank()) {
            return fromHost(hostFlag.strip(), hostFlag.strip());
        }
        String dockerHost = env.get("DOCKER_HOST");
        if (dockerHost != null && !dockerHost.isBlank()) {
            return fromHost(dockerHost.strip(), dockerHost.strip());
        }
        return fromHost("default", DEFAULT_HOST);
    }

    static Environment fromHost(String name, String host) {
        return new Environment(name, Endpoint.of(normalize(host)));
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
}

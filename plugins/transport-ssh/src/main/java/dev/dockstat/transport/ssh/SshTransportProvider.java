package dev.dockstat.transport.ssh;

import dev.dockstat.core.spi.Endpoint;
import dev.dockstat.core.spi.Transport;
import dev.dockstat.core.spi.TransportConfigException;
import dev.dockstat.core.spi.TransportProvider;
import dev.dockstat.core.transport.HttpClientTransport;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code ssh://[user@]host[:port]}: HTTP over {@code ssh ... docker system dial-stdio}, as docker does
 * it (see {@link SshCommand}), with the user's own ssh client, configuration, keys and known hosts.
 * Each pooled connection is one ssh process ({@link SshProcessSocket}).
 *
 * <p>Extra ssh arguments come from {@value #OPTIONS_VARIABLE} (or the system property
 * {@value #OPTIONS_PROPERTY}), e.g. {@code -F /path/to/ssh_config -i /path/to/key}; ssh itself reads
 * its configuration from the home directory of the account, not from {@code $HOME}.
 */
public final class SshTransportProvider implements TransportProvider {

    public static final String OPTIONS_VARIABLE = "DOCKSTAT_SSH_OPTS";
    public static final String OPTIONS_PROPERTY = "dockstat.ssh.opts";
    static final String SSH = "ssh";

    @Override
    public String name() {
        return "ssh";
    }

    @Override
    public List<String> schemes() {
        return List.of("ssh");
    }

    @Override
    public String refusal(Endpoint endpoint) {
        if (!"ssh".equals(endpoint.scheme())) {
            return "serves ssh:// only";
        }
        return endpoint.tls().isPresent() ? "TLS settings do not apply to ssh:// (ssh encrypts the connection)" : null;
    }

    @Override
    public Transport create(Endpoint endpoint) throws TransportConfigException {
        SshAddress address = SshAddress.of(endpoint);
        String executable = onPath(SSH, System.getenv("PATH"))
                .orElseThrow(() -> new TransportConfigException("no ssh client on the PATH (ssh:// engines run OpenSSH's ssh)"));
        String property = System.getProperty(OPTIONS_PROPERTY);
        List<String> options = property != null
                ? SshCommand.options(property, "system property " + OPTIONS_PROPERTY)
                : SshCommand.options(System.getenv(OPTIONS_VARIABLE), OPTIONS_VARIABLE);
        SshCommand command = SshCommand.of(executable, address, options);
        ConnectGate gate = new ConnectGate(ConnectGate.DEFAULT_PERMITS);
        var connector = HttpClientTransport.Connector.local(proxy -> new SshProcessSocket(command, gate));
        return new HttpClientTransport(connector, endpoint.pools());
    }

    /** The first executable {@code name} in the directories of {@code path}. */
    static Optional<String> onPath(String name, String path) {
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate.toString());
            }
        }
        return Optional.empty();
    }
}

package dev.dockstat.transport.ssh;

import dev.dockstat.core.spi.Endpoint;
import dev.dockstat.core.spi.TransportConfigException;
import java.net.URI;
import java.util.Optional;

/**
 * An {@code ssh://[user@]host[:port][/path/to/docker.sock]} address, read as docker reads it: the
 * user and port go to ssh as {@code -l} and {@code -p} (absent = whatever the user's ssh config
 * says), a path names the engine socket on the remote host (absent = the remote docker CLI's own
 * default).
 *
 * @param host a name, an alias of the user's ssh config, or an IP address (IPv6 without brackets)
 */
record SshAddress(Optional<String> user, String host, Optional<Integer> port, Optional<String> socketPath) {

    /**
     * @throws TransportConfigException when there is no host, or the address carries what ssh cannot
     *     take from it (a password, a query, a fragment); the message never repeats a password
     */
    static SshAddress of(Endpoint endpoint) throws TransportConfigException {
        URI uri = endpoint.uri();
        String authority = uri.getRawAuthority();
        if (authority == null || authority.isEmpty()) {
            throw new TransportConfigException("no host in the ssh address (expected ssh://[USER@]HOST[:PORT])");
        }
        Optional<String> user = Optional.empty();
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            if (userInfo.contains(":")) {
                throw new TransportConfigException("an ssh address cannot carry a password (ssh logs in with keys, its agent or its own prompt)");
            }
            user = Optional.of(decode(userInfo)).filter(u -> !u.isEmpty());
            authority = authority.substring(at + 1);
        }
        // host names with '_' are not URI host names: read the authority ourselves rather than uri.getHost()
        String host = authority;
        Optional<Integer> port = Optional.empty();
        int colon = authority.lastIndexOf(':');
        if (colon >= 0 && colon > authority.lastIndexOf(']')) {
            host = authority.substring(0, colon);
            port = Optional.of(port(authority.substring(colon + 1)));
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.isEmpty()) {
            throw new TransportConfigException("no host in the ssh address (expected ssh://[USER@]HOST[:PORT])");
        }
        if (host.startsWith("-") || user.filter(u -> u.startsWith("-")).isPresent()) {
            throw new TransportConfigException("an ssh host or user cannot start with '-'");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new TransportConfigException("an ssh address takes no query or fragment (expected ssh://[USER@]HOST[:PORT][/SOCKET])");
        }
        String path = uri.getPath();
        Optional<String> socket = path == null || path.replace("/", "").isEmpty() ? Optional.empty() : Optional.of(path);
        return new SshAddress(user, decode(host), port, socket);
    }

    private static int port(String text) throws TransportConfigException {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new TransportConfigException("bad port '" + text + "' in the ssh address (1-65535)");
    }

    private static String decode(String text) {
        return java.net.URLDecoder.decode(text.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    }
}

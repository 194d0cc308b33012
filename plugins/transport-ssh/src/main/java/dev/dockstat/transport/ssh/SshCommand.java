package dev.dockstat.transport.ssh;

import dev.dockstat.core.spi.TransportConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The ssh command line that opens one connection to the remote engine, built as docker builds it:
 * {@code ssh [-l USER] [-p PORT] [OPTIONS] -o ConnectTimeout=30 -T -- HOST 'docker system dial-stdio'}.
 * The remote command proxies its stdin and stdout to the engine's socket, so the process's pipes
 * carry plain HTTP/1.1.
 *
 * <p>Everything else (keys, known hosts, jump hosts, agent) comes from the user's own ssh
 * configuration, as with docker. {@code OPTIONS} are the user's extra arguments
 * ({@code DOCKSTAT_SSH_OPTS}); ssh takes the first value it reads for a setting, so they come before
 * dockstat's defaults and override them. One default differs from docker: {@code BatchMode=yes}.
 * docker starts ssh in a session of its own, without a terminal to prompt on; the JDK cannot, and a
 * password or host-key prompt must never write into a live view or wait for an answer nobody sees.
 *
 * @param argv the full command, {@code ssh} first; it holds no secret (a key is named by its path)
 */
record SshCommand(List<String> argv) {

    static final String DIAL_STDIO = "docker system dial-stdio";

    static SshCommand of(String executable, SshAddress address, List<String> userOptions) {
        List<String> argv = new ArrayList<>();
        argv.add(executable);
        address.user().ifPresent(user -> argv.addAll(List.of("-l", user)));
        address.port().ifPresent(port -> argv.addAll(List.of("-p", Integer.toString(port))));
        argv.addAll(userOptions);
        if (!mentions(userOptions, "connecttimeout")) {
            argv.addAll(List.of("-o", "ConnectTimeout=30"));
        }
        if (!mentions(userOptions, "batchmode")) {
            argv.addAll(List.of("-o", "BatchMode=yes"));
        }
        if (!userOptions.contains("-T")) {
            argv.add("-T"); // no pseudo-terminal: the pipes must carry bytes unchanged
        }
        argv.add("--");
        argv.add(address.host());
        argv.add(address.socketPath()
                .map(path -> "docker " + ShellWords.quote("--host=unix://" + path) + " system dial-stdio")
                .orElse(DIAL_STDIO));
        return new SshCommand(List.copyOf(argv));
    }

    private static boolean mentions(List<String> options, String setting) {
        return options.stream().anyMatch(o -> o.toLowerCase(Locale.ROOT).contains(setting));
    }

    /**
     * The user's extra ssh arguments, split as a POSIX shell splits words (quotes group, a backslash
     * escapes), e.g. {@code -F ~/.ssh/docker_config -i "/keys/my key"}.
     *
     * @throws TransportConfigException on an unterminated quote, or an argument that would end the
     *     options ({@code --}) or name a remote command
     */
    static List<String> options(String text, String origin) throws TransportConfigException {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<String> words = ShellWords.split(text, origin);
        for (String word : words) {
            if (word.equals("--")) {
                throw new TransportConfigException(origin + ": '--' would end ssh's options; give options only");
            }
        }
        return words;
    }
}

package dev.dockstat.transport.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockstat.core.spi.Endpoint;
import dev.dockstat.core.spi.TlsMaterial;
import dev.dockstat.core.spi.TransportConfigException;
import dev.dockstat.transport.tck.ServiceFiles;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SshTransportProviderTest {

    private final SshTransportProvider provider = new SshTransportProvider();

    @Test
    void isRegisteredForServiceLoader() {
        ServiceFiles.assertRegistered(provider);
    }

    @Test
    void servesSshWithoutTls() {
        assertNull(provider.refusal(Endpoint.of("ssh://root@127.0.0.1:2380")));
        assertEquals("serves ssh:// only", provider.refusal(Endpoint.of("tcp://127.0.0.1:2375")));
        assertEquals("TLS settings do not apply to ssh:// (ssh encrypts the connection)",
                provider.refusal(Endpoint.of("ssh://h").withTls(TlsMaterial.DEFAULT_TRUST)));
    }

    @Test
    void addressesAreReadAsDockerReadsThem() throws Exception {
        assertEquals(new SshAddress(Optional.of("root"), "127.0.0.1", Optional.of(2380), Optional.empty()), address("ssh://root@127.0.0.1:2380"));
        assertEquals(new SshAddress(Optional.empty(), "my_host", Optional.empty(), Optional.empty()), address("ssh://my_host"));
        assertEquals(new SshAddress(Optional.empty(), "::1", Optional.of(22), Optional.empty()), address("ssh://[::1]:22"));
        assertEquals(new SshAddress(Optional.of("me"), "h", Optional.empty(), Optional.empty()), address("ssh://me@h/"));
        assertEquals(new SshAddress(Optional.empty(), "h", Optional.empty(), Optional.of("/run/user/1000/docker.sock")),
                address("ssh://h/run/user/1000/docker.sock"));
    }

    @Test
    void addressesSshCannotTakeAreSettingsErrorsThatNeverRepeatAPassword() {
        TransportConfigException password = assertThrows(TransportConfigException.class, () -> address("ssh://me:s3cret@h"));
        assertFalse(password.getMessage().contains("s3cret"), password.getMessage());
        assertEquals("an ssh address cannot carry a password (ssh logs in with keys, its agent or its own prompt)", password.getMessage());
        assertEquals("no host in the ssh address (expected ssh://[USER@]HOST[:PORT])",
                assertThrows(TransportConfigException.class, () -> address("ssh:///var/run/docker.sock")).getMessage());
        assertEquals("bad port 'x' in the ssh address (1-65535)",
                assertThrows(TransportConfigException.class, () -> address("ssh://h:x")).getMessage());
        assertEquals("an ssh address takes no query or fragment (expected ssh://[USER@]HOST[:PORT][/SOCKET])",
                assertThrows(TransportConfigException.class, () -> address("ssh://h?a=b")).getMessage());
        assertEquals("an ssh host or user cannot start with '-'",
                assertThrows(TransportConfigException.class, () -> address("ssh://-oProxyCommand=x")).getMessage());
    }

    @Test
    void theCommandLineIsDockers() throws Exception {
        assertEquals(List.of("/usr/bin/ssh", "-l", "root", "-p", "2380", "-o", "ConnectTimeout=30", "-o", "BatchMode=yes", "-T",
                        "--", "127.0.0.1", "docker system dial-stdio"),
                SshCommand.of("/usr/bin/ssh", address("ssh://root@127.0.0.1:2380"), List.of()).argv());
        assertEquals(List.of("ssh", "-o", "ConnectTimeout=30", "-o", "BatchMode=yes", "-T", "--", "h",
                        "docker '--host=unix:///run/user/1000/my docker.sock' system dial-stdio"),
                SshCommand.of("ssh", address("ssh://h/run/user/1000/my%20docker.sock"), List.of()).argv());
    }

    @Test
    void theUsersOptionsComeFirstAndReplaceDefaultsTheyName() throws Exception {
        List<String> options = SshCommand.options("-F '/home/me/my config' -o ConnectTimeout=5 -oBatchMode=no -i \"/k/a \\\"b\\\"\"", "DOCKSTAT_SSH_OPTS");
        assertEquals(List.of("-F", "/home/me/my config", "-o", "ConnectTimeout=5", "-oBatchMode=no", "-i", "/k/a \"b\""), options);
        List<String> argv = SshCommand.of("ssh", address("ssh://h"), options).argv();
        assertEquals(List.of("ssh", "-F", "/home/me/my config", "-o", "ConnectTimeout=5", "-oBatchMode=no", "-i", "/k/a \"b\"", "-T",
                "--", "h", "docker system dial-stdio"), argv);
        assertEquals(List.of(), SshCommand.options(" ", "DOCKSTAT_SSH_OPTS"));
        assertEquals("DOCKSTAT_SSH_OPTS: unterminated ' at character 4",
                assertThrows(TransportConfigException.class, () -> SshCommand.options("-F 'x", "DOCKSTAT_SSH_OPTS")).getMessage());
        assertEquals("DOCKSTAT_SSH_OPTS: '--' would end ssh's options; give options only",
                assertThrows(TransportConfigException.class, () -> SshCommand.options("-v -- h", "DOCKSTAT_SSH_OPTS")).getMessage());
    }

    @Test
    void aRemoteCommandIsQuotedForTheRemoteShell() {
        assertEquals("--host=unix:///var/run/docker.sock", ShellWords.quote("--host=unix:///var/run/docker.sock"));
        assertEquals("'a b'", ShellWords.quote("a b"));
        assertEquals("'it'\\''s; rm -rf /'", ShellWords.quote("it's; rm -rf /"));
    }

    /** What ssh 9.2 and the remote shell print for each failure (captured from the test bed's sshd). */
    @Test
    void failuresReadAsOneLineWithSshsOwnWords() {
        assertEquals("ssh: connect to host 127.0.0.1 port 1: Connection refused",
                SshFailure.reason(255, "ssh: connect to host 127.0.0.1 port 1: Connection refused\r\n"));
        assertEquals("ssh: root@127.0.0.1: login refused (tried publickey)",
                SshFailure.reason(255, "root@127.0.0.1: Permission denied (publickey).\r\n"));
        assertEquals("ssh: Host key verification failed (No ED25519 host key is known for [127.0.0.1]:2380 and you have requested strict checking)",
                SshFailure.reason(255, "No ED25519 host key is known for [127.0.0.1]:2380 and you have requested strict checking.\r\n"
                        + "Host key verification failed.\r\n"));
        assertEquals("docker is not installed on the remote host, or not on the PATH of its ssh sessions (/bin/sh: 1: docker: not found)",
                SshFailure.reason(127, "/bin/sh: 1: docker: not found\n"));
        assertEquals("docker is not installed on the remote host, or not on the PATH of its ssh sessions (exit status 127)",
                SshFailure.reason(127, "sh: docker: No such file or directory\n"));
        assertEquals("ssh failed without a message (exit status 255)", SshFailure.reason(255, ""));
        assertEquals("the remote command 'docker system dial-stdio' ended with exit status 1", SshFailure.reason(1, "\n"));
        assertEquals("the ssh connection ended with exit status 137 (killed by signal 9)", SshFailure.reason(137, ""));
        String line = SshFailure.reason(255, "Warning: Permanently added '[h]:22' (ED25519) to the list of known hosts.\r\n" + "x".repeat(1000));
        assertTrue(line.length() <= 400 && !line.contains("\n") && line.startsWith("ssh: xxx"), line);
    }

    @Test
    void findsTheSshClientOnThePath() {
        assertTrue(SshTransportProvider.onPath("sh", "/nonexistent:/bin").isPresent());
        assertTrue(SshTransportProvider.onPath("ssh", "/nonexistent").isEmpty());
        assertTrue(SshTransportProvider.onPath("ssh", null).isEmpty());
    }

    private static SshAddress address(String uri) throws TransportConfigException {
        return SshAddress.of(Endpoint.of(uri));
    }
}

package dev.dockstat.transport.ssh;

import dev.dockstat.testbed.TestBed;
import java.nio.file.Path;
import java.util.Map;

/**
 * The test bed's loopback sshd ({@code scripts/testbed ssh-up}): its addresses and the ssh options
 * that make the client use the test bed's config, key and known hosts, from {@code $TB/ssh/ssh.env}.
 */
final class SshBed {

    private final Map<String, String> values;

    private SshBed(Map<String, String> values) {
        this.values = values;
    }

    static SshBed get() {
        return new SshBed(TestBed.part("ssh", "ssh-up"));
    }

    /** {@code ssh://root@127.0.0.1:PORT}: the test engine through sshd. */
    String uri() {
        return values.get("DOCKSTAT_TB_SSH");
    }

    /** The same sshd acting as a host without docker. */
    String noDockerUri() {
        return values.get("DOCKSTAT_TB_SSH_NO_DOCKER");
    }

    /** {@code -F .../ssh_config -i .../id_ed25519}, for DOCKSTAT_SSH_OPTS. */
    String options() {
        return values.get("DOCKSTAT_TB_SSH_OPTS");
    }

    Path dir() {
        return Path.of(values.get("DOCKSTAT_TB_SSH_DIR"));
    }
}

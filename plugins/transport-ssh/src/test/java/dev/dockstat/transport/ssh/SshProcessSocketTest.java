package dev.dockstat.transport.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The socket's handling of its process, with {@code sh} standing in for ssh so each outcome is
 * certain: a process that fails before reading its stdin, one that answers with something other than
 * HTTP, one that never answers. (The real ssh against a real sshd: SshTransportIT and SshEngineIT.)
 */
class SshProcessSocketTest {

    private static SshProcessSocket socket(String script) {
        return new SshProcessSocket(new SshCommand(List.of("/bin/sh", "-c", script)), new ConnectGate(ConnectGate.DEFAULT_PERMITS));
    }

    /** ssh refused at once exits before dockstat writes: whichever comes first, the reason is ssh's. */
    @Test
    void aProcessThatFailsBeforeReadingItsInputGivesItsOwnReason() {
        for (int i = 0; i < 20; i++) {
            SshProcessSocket s = socket("echo 'ssh: connect to host 127.0.0.1 port 1: Connection refused' >&2; exit 255");
            IOException e = assertThrows(IOException.class, () -> s.connect(null, 0));
            assertEquals("ssh: connect to host 127.0.0.1 port 1: Connection refused", e.getMessage());
            s.close();
        }
    }

    /** A login banner or shell noise instead of HTTP: said so, and the process that printed it is ended. */
    @Test
    void anAnswerThatIsNotHttpIsSaidSo() {
        SshProcessSocket s = socket("printf 'Welcome to build-01!\\r\\n\\r\\n'; exec cat >/dev/null");
        IOException e = assertThrows(IOException.class, () -> s.connect(null, 0));
        assertEquals("the remote 'docker system dial-stdio' did not answer with HTTP (Welcome to build-01!)", e.getMessage());
        long pid = Long.parseLong(s.toString().replaceAll(".*pid (\\d+).*", "$1"));
        dev.dockstat.testbed.TestBed.await("the process gone", Duration.ofSeconds(2), () -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
    }

    /** A request's deadline closes the socket while the login hangs: connect ends and the process with it. */
    @Test
    void closingWhileConnectingEndsTheProcessAndTheConnect() throws Exception {
        SshProcessSocket s = socket("exec sleep 100");
        CompletableFuture<Throwable> connect = CompletableFuture.supplyAsync(() -> {
            try {
                s.connect(null, 0);
                return null;
            } catch (IOException e) {
                return e;
            }
        }, r -> Thread.ofVirtual().start(r));
        dev.dockstat.testbed.TestBed.await("the process started", Duration.ofSeconds(5), () -> s.toString().contains("pid"));
        long pid = Long.parseLong(s.toString().replaceAll(".*pid (\\d+).*", "$1"));
        s.close();
        assertTrue(connect.get(2, TimeUnit.SECONDS) instanceof SocketException, "connect failed as closed");
        dev.dockstat.testbed.TestBed.await("the process gone", Duration.ofSeconds(2), () -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
    }
}

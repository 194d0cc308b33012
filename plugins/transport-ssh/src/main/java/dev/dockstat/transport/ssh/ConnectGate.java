package dev.dockstat.transport.ssh;

import java.net.SocketException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * How many ssh connections of one transport may be logging in at once. sshd drops connections
 * beyond its {@code MaxStartups} (by default it starts dropping at 10 unauthenticated ones), and a
 * stats round opens one connection per container at once: 60 containers meant 21 dropped logins on
 * the test bed. Connections past the gate wait; a connection counts until its engine has answered
 * a first request ({@link SshProcessSocket}'s probe), so past the gate are only established ones.
 */
final class ConnectGate {

    /**
     * Below sshd's default MaxStartups (10), with room for one more client logging in at the same
     * time. A login costs the remote host a process, a key exchange and a docker CLI start (0.15 s
     * on an idle 2-core test bed, 1.2 s at load 11), so a first stats round over 60 containers takes
     * about 60 / 8 logins in a row; later rounds reuse the pooled connections.
     */
    static final int DEFAULT_PERMITS = 8;
    private static final long POLL_MS = 50;

    private final Semaphore permits;

    ConnectGate(int permits) {
        this.permits = new Semaphore(permits, true);
    }

    /**
     * Waits for a turn; gives up when {@code closed} turns true (the request's deadline closed the
     * socket that waits).
     */
    void enter(BooleanSupplier closed) throws SocketException {
        try {
            while (!permits.tryAcquire(POLL_MS, TimeUnit.MILLISECONDS)) {
                if (closed.getAsBoolean()) {
                    throw new SocketException("Socket is closed");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SocketException("interrupted waiting for a turn to log in");
        }
    }

    void leave() {
        permits.release();
    }
}

package dev.dockstat.transport.ssh;

import dev.dockstat.core.transport.NonTcpSocket;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketAddress;
import java.net.SocketException;

import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A {@link java.net.Socket} whose bytes go through one {@code ssh ... docker system dial-stdio}
 * process: written to its stdin, read from its stdout. HttpClient pools these like any socket, so
 * each pooled connection is one ssh process (and one session on the remote host), started by
 * {@link #connect} and ended by {@link #close}.
 *
 * <p>Connecting starts ssh and sends a probe ({@code HEAD /_ping}) whose answer shows that the login
 * and the remote docker worked; until then the connection holds a turn of the transport's
 * {@link ConnectGate}.
 *
 * <p>Failures: when stdout ends, the process's exit status and stderr say why ({@link SshFailure}):
 * a refused port, a refused key, an unknown host key, no docker on the remote host. stderr goes to a
 * file that is unlinked at once (no reader thread per connection, nothing left behind).
 *
 * <p>Timeouts, as the unix transport: a read timeout under {@link NonTcpSocket#PEEK_LIMIT_MS} (HttpClient's
 * stale-connection check) answers from what has already arrived; longer ones are left to the
 * transport's request deadline, which closes the socket, which ends the process and so the read.
 * Closing sends SIGTERM and, should ssh linger, SIGKILL {@link #KILL_AFTER_SECONDS} s later; ssh
 * processes still alive when the JVM exits are ended too.
 */
final class SshProcessSocket extends NonTcpSocket {

    static final long KILL_AFTER_SECONDS = 3;
    /** How long a process whose stdout ended may take to exit before the end is taken as a plain end of stream. */
    private static final long EXIT_WAIT_SECONDS = 5;
    private static final int STDERR_KEPT = 8 * 1024;
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroy), "dockstat-ssh-cleanup"));
        } catch (IllegalStateException shuttingDown) {
            // first used while the JVM exits: its connections end with it (ssh sees its stdin close)
        }
    }

    /** A first request on every new connection: its answer shows the login and the remote docker worked. */
    private static final byte[] PROBE = "HEAD /_ping HTTP/1.1\r\nHost: localhost\r\nUser-Agent: dockstat\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);
    private static final int PROBE_HEADERS_MAX = 16 * 1024;

    private final SshCommand command;
    private final ConnectGate gate;
    private volatile Process process;
    private volatile FileChannel stderr;

    SshProcessSocket(SshCommand command, ConnectGate gate) {
        this.command = command;
        this.gate = gate;
    }

    /**
     * Starts ssh and waits until the engine answers a probe through it, so that a failure to log in
     * or to reach docker is told here, and the gate knows when the login is over. {@code endpoint}
     * (the HTTP host HttpClient resolved) is ignored; {@code timeout} too: ssh's own ConnectTimeout
     * and the request's deadline (which closes this socket) bound the wait.
     */
    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
        checkNotClosed();
        gate.enter(this::isClosed);
        try {
            start();
            probe(process);
        } catch (IOException e) {
            close(); // a process that failed the probe is of no use, whatever HttpClient does next
            throw e;
        } finally {
            gate.leave();
        }
    }

    private void start() throws IOException {
        // "Cannot run program ...: No such file or directory" would read as a missing engine socket:
        // failures to start are worded here, the JDK's text kept as a suppressed exception
        Path errors;
        try {
            errors = Files.createTempFile("dockstat-ssh", ".err");
        } catch (IOException e) {
            throw startFailure("no temporary file for ssh's messages in " + System.getProperty("java.io.tmpdir"), e);
        }
        Process started;
        try {
            started = new ProcessBuilder(command.argv()).redirectError(errors.toFile()).start();
        } catch (IOException e) {
            Files.deleteIfExists(errors);
            throw startFailure("cannot start the ssh client '" + command.argv().getFirst() + "'", e);
        }
        try {
            stderr = FileChannel.open(errors, StandardOpenOption.READ);
        } catch (IOException e) {
            started.destroyForcibly();
            throw e;
        } finally {
            Files.deleteIfExists(errors); // ssh writes to its open descriptor, this socket reads through its own
        }
        LIVE.add(started);
        started.onExit().thenRun(() -> LIVE.remove(started));
        process = started;
        if (isClosed()) { // closed while starting
            end(started);
            checkNotClosed();
        }
    }

    private static IOException startFailure(String message, IOException cause) {
        IOException failure = new IOException(message);
        failure.addSuppressed(cause);
        return failure;
    }

    /** Sends {@link #PROBE} and reads the answer's head (a HEAD answer has no body). */
    private void probe(Process p) throws IOException {
        StringBuilder head = new StringBuilder();
        try {
            OutputStream stdin = p.getOutputStream();
            stdin.write(PROBE);
            stdin.flush();
            InputStream stdout = p.getInputStream();
            for (int b = stdout.read(); b >= 0; b = stdout.read()) {
                head.append((char) b);
                if (endsWithBlankLine(head) || head.length() >= PROBE_HEADERS_MAX) {
                    break;
                }
            }
        } catch (IOException e) {
            // "Broken pipe", or "Stream closed" once the JDK saw ssh exit: ssh's own reason says more
            IOException why = isClosed() ? null : exitFailure(p);
            checkNotClosed();
            if (why != null) {
                why.addSuppressed(e);
                throw why;
            }
            throw e;
        }
        checkNotClosed();
        if (!endsWithBlankLine(head) && head.length() < PROBE_HEADERS_MAX) { // stdout ended
            IOException why = exitFailure(p);
            throw why != null ? why : new IOException("connection closed by the remote host before the engine answered");
        }
        if (!head.toString().startsWith("HTTP/1.") || !endsWithBlankLine(head)) {
            throw new IOException("the remote 'docker system dial-stdio' did not answer with HTTP (" + firstLine(head) + ")");
        }
    }

    private static boolean endsWithBlankLine(StringBuilder s) {
        int n = s.length();
        return n >= 4 && s.charAt(n - 4) == '\r' && s.charAt(n - 3) == '\n' && s.charAt(n - 2) == '\r' && s.charAt(n - 1) == '\n';
    }

    private static String firstLine(StringBuilder s) {
        String text = s.toString().strip();
        int nl = text.indexOf('\n');
        return (nl < 0 ? text : text.substring(0, nl)).strip();
    }

    @Override
    protected boolean started() {
        return process != null;
    }

    @Override
    protected InputStream newInput() {
        return new ProcessInput(process);
    }

    @Override
    protected OutputStream newOutput() {
        return new ProcessOutput(process);
    }

    /**
     * The failure to report when the pipes broke or stdout ended: why ssh exited, when it exited
     * with a failure; null when it ended well, is still running, or this socket was closed.
     */
    private IOException exitFailure(Process p) {
        if (isClosed()) {
            return null;
        }
        try {
            if (!p.waitFor(EXIT_WAIT_SECONDS, TimeUnit.SECONDS) || p.exitValue() == 0 || isClosed()) {
                return null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        return new IOException(SshFailure.reason(p.exitValue(), stderrText()));
    }

    private String stderrText() {
        FileChannel channel = stderr;
        if (channel == null) {
            return "";
        }
        try {
            long size = channel.size();
            long from = Math.max(0, size - STDERR_KEPT);
            ByteBuffer buffer = ByteBuffer.allocate((int) (size - from));
            while (buffer.hasRemaining() && channel.read(buffer, from + buffer.position()) > 0) {
                // until the kept tail is read
            }
            return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private final class ProcessInput extends Input {
        private final Process p;
        private final InputStream stdout;

        ProcessInput(Process p) {
            this.p = p;
            this.stdout = p.getInputStream();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            int n;
            try {
                n = peeking() ? peek(b, off, len) : stdout.read(b, off, len);
            } catch (SocketTimeoutException e) {
                throw e;
            } catch (IOException e) {
                IOException why = exitFailure(p);
                if (why != null) {
                    why.addSuppressed(e);
                    throw why;
                }
                throw e;
            }
            if (n < 0) {
                IOException why = exitFailure(p);
                if (why != null) {
                    throw why;
                }
            }
            return n;
        }

        /** Answers from what has arrived: bytes, the end of a process that exited, or a timeout. */
        private int peek(byte[] b, int off, int len) throws IOException {
            int ready = stdout.available();
            if (ready > 0) {
                return stdout.read(b, off, Math.min(len, ready));
            }
            if (!p.isAlive()) {
                return stdout.read(b, off, len);
            }
            throw new SocketTimeoutException("nothing to read yet");
        }

        @Override
        public int available() throws IOException {
            return stdout.available();
        }
    }

    private final class ProcessOutput extends Output {
        private final Process p;
        private final OutputStream stdin;

        ProcessOutput(Process p) {
            this.p = p;
            this.stdin = p.getOutputStream();
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                stdin.write(b, off, len);
            } catch (IOException e) {
                throw whyBroken(e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                stdin.flush();
            } catch (IOException e) {
                throw whyBroken(e);
            }
        }

        /** A broken pipe means ssh is gone: its own reason says more than "Broken pipe". */
        private IOException whyBroken(IOException e) {
            IOException why = exitFailure(p);
            if (why == null) {
                return e;
            }
            why.addSuppressed(e);
            return why;
        }
    }

    @Override
    public void close() {
        markClosed();
        Process p = process;
        if (p != null) {
            end(p);
        }
    }

    /** SIGTERM now (ssh closes its connection, the remote session and dial-stdio end), SIGKILL if it lingers. */
    private void end(Process p) {
        p.destroy();
        p.onExit().completeOnTimeout(p, KILL_AFTER_SECONDS, TimeUnit.SECONDS).thenAccept(exited -> {
            if (exited.isAlive()) {
                exited.destroyForcibly();
            }
        });
        FileChannel channel = stderr;
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // a read-only file already unlinked
            }
        }
    }

    @Override
    public void shutdownInput() {}

    @Override
    public void shutdownOutput() {}

    @Override
    public SocketAddress getRemoteSocketAddress() {
        return null;
    }

    @Override
    public String toString() {
        Process p = process;
        return "SshProcessSocket[" + (p == null ? "not started" : "pid " + p.pid()) + (isClosed() ? ", closed" : "") + "]";
    }
}

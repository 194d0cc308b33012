package dev.dockstat.core.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketOption;

/**
 * The part of a {@link Socket} that a transport over something other than TCP (a unix socket, a child
 * process's pipes) has in common: the HTTP client sets a read timeout and TCP options on every
 * connection it makes, so the timeout is kept for the subclass's reads and the TCP and IP options,
 * which mean nothing there, are accepted and ignored rather than refused.
 *
 * <p>Also the life cycle such a socket has: started by {@link #connect(SocketAddress, int)}, one input
 * and one output stream made on first use, and closed once for good (closing either stream closes
 * the socket, as for a TCP socket).
 */
public abstract class NonTcpSocket extends Socket {

    /** Read timeouts below this are HttpClient's "is anything there?" stale-connection checks (1 ms); real deadlines are hundreds of ms and longer. */
    public static final int PEEK_LIMIT_MS = 10;

    private volatile int soTimeout;
    private volatile boolean closed;
    private InputStream in;
    private OutputStream out;

    /** The read timeout in milliseconds the HTTP client asked for; 0 = none. */
    protected final int readTimeoutMillis() {
        return soTimeout;
    }

    /**
     * Whether the pending read is HttpClient's stale-connection check: it must answer from what has
     * already arrived, or time out at once. Longer read timeouts are not enforced by these sockets:
     * the transport's request deadline closes the socket instead, which ends a blocked read.
     */
    protected final boolean peeking() {
        int timeout = soTimeout;
        return timeout > 0 && timeout < PEEK_LIMIT_MS;
    }

    /** Whether {@link #connect(SocketAddress, int)} got as far as a channel or process to talk through. */
    protected abstract boolean started();

    /** The stream reading what the peer sent; made once, on first use. */
    protected abstract InputStream newInput() throws IOException;

    /** The stream writing to the peer; made once, on first use. */
    protected abstract OutputStream newOutput() throws IOException;

    /** Marks this socket closed for good; a subclass's {@link #close()} calls it first, then ends its channel or process. */
    protected final void markClosed() {
        closed = true;
    }

    /** Throws unless the socket is connected and not closed. */
    protected final void checkUsable() throws SocketException {
        if (!started()) {
            throw new SocketException("Socket is not connected");
        }
        checkNotClosed();
    }

    /** Throws once the socket is closed, e.g. when it was closed while connecting. */
    protected final void checkNotClosed() throws SocketException {
        if (closed) {
            throw new SocketException("Socket is closed");
        }
    }

    @Override
    public final synchronized InputStream getInputStream() throws IOException {
        checkUsable();
        if (in == null) {
            in = newInput();
        }
        return in;
    }

    @Override
    public final synchronized OutputStream getOutputStream() throws IOException {
        checkUsable();
        if (out == null) {
            out = newOutput();
        }
        return out;
    }

    /** {@code endpoint} means nothing to these sockets (they know their peer); no timeout either. */
    @Override
    public void connect(SocketAddress endpoint) throws IOException {
        connect(endpoint, 0);
    }

    @Override
    public boolean isConnected() {
        return started();
    }

    @Override
    public boolean isBound() {
        return started();
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public boolean isInputShutdown() {
        return closed;
    }

    @Override
    public boolean isOutputShutdown() {
        return closed;
    }

    /** A client end of a unix socket or pipe has no address of its own. */
    @Override
    public SocketAddress getLocalSocketAddress() {
        return null;
    }

    /** An input stream of this socket: the one-byte read in terms of the bulk one, and close closes the socket. */
    protected abstract class Input extends InputStream {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public void close() throws IOException {
            NonTcpSocket.this.close();
        }
    }

    /** An output stream of this socket: the one-byte write in terms of the bulk one, and close closes the socket. */
    protected abstract class Output extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void close() throws IOException {
            NonTcpSocket.this.close();
        }
    }

    @Override
    public void setSoTimeout(int timeout) {
        if (timeout < 0) {
            throw new IllegalArgumentException("timeout < 0");
        }
        soTimeout = timeout;
    }

    @Override
    public int getSoTimeout() {
        return soTimeout;
    }

    @Override
    public void setTcpNoDelay(boolean on) {}

    @Override
    public boolean getTcpNoDelay() {
        return false;
    }

    @Override
    public void setKeepAlive(boolean on) {}

    @Override
    public boolean getKeepAlive() {
        return false;
    }

    @Override
    public void setReuseAddress(boolean on) {}

    @Override
    public boolean getReuseAddress() {
        return false;
    }

    @Override
    public void setSoLinger(boolean on, int linger) {}

    @Override
    public int getSoLinger() {
        return -1;
    }

    @Override
    public void setReceiveBufferSize(int size) {}

    @Override
    public void setSendBufferSize(int size) {}

    @Override
    public <T> Socket setOption(SocketOption<T> name, T value) {
        return this;
    }
}

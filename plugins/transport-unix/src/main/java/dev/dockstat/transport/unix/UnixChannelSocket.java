package dev.dockstat.transport.unix;

import dev.dockstat.core.transport.NonTcpSocket;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketAddress;
import java.net.SocketException;

import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/**
 * A {@link java.net.Socket} over the JDK's own unix-domain {@link SocketChannel} (JEP 380), for
 * HttpClient's classic I/O, which needs a {@code Socket}.
 *
 * <p>Why not junixsocket or HttpClient's own adapter: a read must park a virtual thread, not hold
 * a platform thread. A blocking-mode channel read does exactly that (the JDK's poller wakes it),
 * whereas junixsocket 2.10 polls each waiting socket on a common-pool thread (one such thread on a
 * 2-CPU host, so an idle event stream starved every other read) and a {@code Selector}-based
 * timed read pins a carrier thread per waiting read.
 *
 * <p>Timeouts: a read with a timeout under {@link NonTcpSocket#PEEK_LIMIT_MS} (HttpClient's 1 ms
 * stale-connection check) answers from what has already arrived and otherwise times out at once;
 * longer read timeouts are not enforced here: the transport's request deadline closes the socket
 * instead, which ends a blocked read at once. Socket options that only mean something for TCP are
 * ignored.
 */
final class UnixChannelSocket extends NonTcpSocket {

    private final Path path;
    private final UnixDomainSocketAddress address;
    private volatile SocketChannel channel;

    UnixChannelSocket(Path path) {
        this.path = path;
        this.address = UnixDomainSocketAddress.of(path);
    }

    /** Connects to the socket file; {@code endpoint} (the HTTP host HttpClient resolved) is ignored. */
    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
        checkNotClosed();
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            ch.connect(address);
        } catch (IOException e) {
            ch.close();
            throw new SocketException(e.getMessage() + ": " + path);
        }
        channel = ch;
        if (isClosed()) { // closed while connecting
            ch.close();
            checkNotClosed();
        }
    }

    @Override
    protected boolean started() {
        return channel != null;
    }

    @Override
    protected InputStream newInput() {
        return new ChannelInput(channel);
    }

    @Override
    protected OutputStream newOutput() {
        return new ChannelOutput(channel);
    }

    /** Reads straight from the channel: no {@code synchronized} around a blocking read (it would pin a virtual thread on JDK 21). */
    private final class ChannelInput extends Input {
        private final SocketChannel ch;

        ChannelInput(SocketChannel ch) {
            this.ch = ch;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            ByteBuffer buffer = ByteBuffer.wrap(b, off, len);
            if (peeking()) {
                return peek(buffer);
            }
            int n;
            do {
                n = ch.read(buffer);
            } while (n == 0);
            return n;
        }

        private int peek(ByteBuffer buffer) throws IOException {
            ch.configureBlocking(false);
            int n;
            try {
                n = ch.read(buffer);
            } finally {
                ch.configureBlocking(true);
            }
            if (n == 0) {
                throw new SocketTimeoutException("nothing to read yet");
            }
            return n;
        }
    }

    private final class ChannelOutput extends Output {
        private final SocketChannel ch;

        ChannelOutput(SocketChannel ch) {
            this.ch = ch;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            ByteBuffer buffer = ByteBuffer.wrap(b, off, len);
            while (buffer.hasRemaining()) {
                ch.write(buffer);
            }
        }
    }

    @Override
    public void close() throws IOException {
        markClosed();
        SocketChannel ch = channel;
        if (ch != null) {
            ch.close(); // a read blocked on another thread ends with AsynchronousCloseException
        }
    }

    @Override
    public boolean isConnected() {
        SocketChannel ch = channel;
        return ch != null && ch.isConnected();
    }

    @Override
    public void shutdownInput() throws IOException {
        checkUsable();
        channel.shutdownInput();
    }

    @Override
    public void shutdownOutput() throws IOException {
        checkUsable();
        channel.shutdownOutput();
    }

    @Override
    public SocketAddress getRemoteSocketAddress() {
        return channel == null ? null : address;
    }

    @Override
    public String toString() {
        return "UnixChannelSocket[" + path + (isClosed() ? ", closed" : "") + "]";
    }
}

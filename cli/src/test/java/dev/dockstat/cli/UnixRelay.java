package dev.dockstat.cli;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A unix socket that forwards to the test bed's engine socket and can be cut and restored: the path
 * to a healthy engine going away and coming back, which the shared engine itself must not be made
 * to do. Bytes pass unchanged; only the path is faked.
 */
final class UnixRelay implements AutoCloseable {

    private final Path socket;
    private final Path engine;
    private final List<SocketChannel> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocketChannel server;

    UnixRelay(Path socket, Path engine) {
        this.socket = socket;
        this.engine = engine;
    }

    String uri() {
        return "unix://" + socket;
    }

    /** Starts (or restores) accepting connections. */
    synchronized UnixRelay up() throws IOException {
        Files.deleteIfExists(socket);
        ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        s.bind(UnixDomainSocketAddress.of(socket));
        server = s;
        Thread.ofVirtual().start(() -> accept(s));
        return this;
    }

    /** The path goes away: the socket file, the listener and every open connection. */
    synchronized void cut() throws IOException {
        ServerSocketChannel s = server;
        server = null;
        if (s != null) {
            s.close();
        }
        for (SocketChannel c : open) {
            c.close();
        }
        open.clear();
        Files.deleteIfExists(socket);
    }

    private void accept(ServerSocketChannel s) {
        while (s.isOpen()) {
            try {
                SocketChannel client = s.accept();
                SocketChannel upstream = SocketChannel.open(UnixDomainSocketAddress.of(engine));
                open.add(client);
                open.add(upstream);
                Thread.ofVirtual().start(() -> pump(client, upstream));
                Thread.ofVirtual().start(() -> pump(upstream, client));
            } catch (IOException e) {
                return; // closed by cut()
            }
        }
    }

    private static void pump(SocketChannel from, SocketChannel to) {
        ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);
        try {
            while (from.read(buffer) >= 0) {
                buffer.flip();
                while (buffer.hasRemaining()) {
                    to.write(buffer);
                }
                buffer.clear();
            }
        } catch (IOException e) {
            // either side closed
        } finally {
            try {
                from.close();
                to.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    @Override
    public void close() throws IOException {
        cut();
    }
}

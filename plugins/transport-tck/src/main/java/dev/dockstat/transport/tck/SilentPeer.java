package dev.dockstat.transport.tck;

import dev.dockstat.core.spi.Endpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A FAKE PEER, used only where no real engine can show the behaviour: it accepts connections and
 * never sends a byte (not even a TLS handshake), as a hung engine or a black-holed proxy does.
 * Loopback TCP, or a unix socket in a temporary directory for unix endpoints.
 */
public final class SilentPeer implements AutoCloseable {

    private final ServerSocketChannel server;
    private final URI uri;
    private final Path socketDir;
    private final List<SocketChannel> accepted = new CopyOnWriteArrayList<>();

    private SilentPeer(ServerSocketChannel server, URI uri, Path socketDir) {
        this.server = server;
        this.uri = uri;
        this.socketDir = socketDir;
        Thread.ofVirtual().name("silent-peer").start(this::acceptForever);
    }

    /** A silent peer of the same kind as {@code endpoint} (unix socket or TCP). */
    public static SilentPeer like(Endpoint endpoint) {
        try {
            if ("unix".equals(endpoint.scheme())) {
                Path dir = Files.createTempDirectory("dst-silent");
                Path socket = dir.resolve("peer.sock");
                ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
                server.bind(UnixDomainSocketAddress.of(socket));
                return new SilentPeer(server, URI.create("unix://" + socket), dir);
            }
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.INET);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = ((InetSocketAddress) server.getLocalAddress()).getPort();
            return new SilentPeer(server, new URI(endpoint.scheme(), null, "127.0.0.1", port, null, null, null), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code endpoint}'s settings (TLS, token, pools) pointed at this peer. */
    public Endpoint standIn(Endpoint endpoint) {
        return endpoint.withUri(uri);
    }

    /** Connections accepted so far. */
    public int connections() {
        return accepted.size();
    }

    private void acceptForever() {
        try {
            while (server.isOpen()) {
                accepted.add(server.accept()); // held open, never read from or written to
            }
        } catch (IOException closed) {
            // close() ends the loop
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (SocketChannel c : accepted) {
            c.close();
        }
        if (socketDir != null) {
            Files.deleteIfExists(socketDir.resolve("peer.sock"));
            Files.deleteIfExists(socketDir);
        }
    }
}

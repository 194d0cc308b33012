package dev.dockstat.synthetic;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback TCP port in front of the real engine's unix socket whose connections a test can cut and
 * refuse for a while: the dropped connection a real engine cannot be told to make.
 */
final class CuttableProxy implements AutoCloseable {

    private final Path socket;
    private final ServerSocket server;
    private final Set<AutoCloseable> live = ConcurrentHashMap.newKeySet();
    private volatile boolean down;

    CuttableProxy(Path socket) throws IOException {
        this.socket = socket;
        this.server = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("proxy-accept").start(this::accept);
    }

    String uri() {
        return "tcp://127.0.0.1:" + server.getLocalPort();
    }

    /** Cuts every open connection and resets new ones until {@link #up()}. */
    void down() {
        down = true;
        for (AutoCloseable c : live) {
            try {
                c.close();
            } catch (Exception ignored) {
                // already closed
            }
        }
    }

    void up() {
        down = false;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (down) {
                    client.setSoLinger(true, 0);
                    client.close();
                    continue;
                }
                SocketChannel engine = SocketChannel.open(UnixDomainSocketAddress.of(socket));
                live.add(client);
                live.add(engine);
                Thread.ofVirtual().start(() -> pump(client, Channels.newInputStream(engine), socketOut(client), engine));
                Thread.ofVirtual().start(() -> pump(client, socketIn(client), Channels.newOutputStream(engine), engine));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void pump(Socket client, InputStream in, OutputStream out, SocketChannel engine) {
        byte[] buf = new byte[16 * 1024];
        try {
            for (int n; (n = in.read(buf)) >= 0; ) {
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException ignored) {
            // one side went away: close both
        } finally {
            try {
                client.close();
                engine.close();
            } catch (IOException ignored) {
                // closing
            }
            live.remove(client);
            live.remove(engine);
        }
    }

    private static InputStream socketIn(Socket s) {
        try {
            return s.getInputStream();
        } catch (IOException e) {
            return InputStream.nullInputStream();
        }
    }

    private static OutputStream socketOut(Socket s) {
        try {
            return s.getOutputStream();
        } catch (IOException e) {
            return OutputStream.nullOutputStream();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        down();
    }
}

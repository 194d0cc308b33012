package dev.dockstat.cli.train;

import dev.dockstat.core.spi.TransportRequest;
import dev.dockstat.core.spi.TransportResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@link CannedEngine}'s answers served as HTTP/1.1 on a unix socket, for the training run: the
 * real unix transport and its HTTP client (some 600 classes, about 40 % of a {@code --no-stream}
 * run's CPU when they were loaded from the jar) then get into the AOT cache too. Serves GETs one
 * connection at a time per thread, keep-alive, until closed. Not a test double: nothing but the
 * training run uses it.
 */
final class CannedSocket implements AutoCloseable {

    private final Path socket;
    private final ServerSocketChannel server;
    private final CannedEngine engine = new CannedEngine();

    private CannedSocket(Path socket, ServerSocketChannel server) {
        this.socket = socket;
        this.server = server;
    }

    static CannedSocket start(Path socket) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        CannedSocket canned = new CannedSocket(socket, server);
        Thread.ofPlatform().daemon().name("dockstat-train-socket").start(canned::accept);
        return canned;
    }

    Path socket() {
        return socket;
    }

    private void accept() {
        try {
            while (true) {
                SocketChannel connection = server.accept();
                Thread.ofPlatform().daemon().name("dockstat-train-connection").start(() -> serve(connection));
            }
        } catch (IOException closed) {
            // close() ends the loop
        }
    }

    private void serve(SocketChannel connection) {
        try (connection; InputStream in = Channels.newInputStream(connection); OutputStream out = Channels.newOutputStream(connection)) {
            String target;
            while ((target = requestTarget(in)) != null) {
                try (TransportResponse answer = engine.execute(TransportRequest.get(target, TransportRequest.Pool.REQUEST, Duration.ofSeconds(5)))) {
                    byte[] body = answer.body().readAllBytes();
                    out.write(("HTTP/1.1 " + answer.status() + (answer.status() == 200 ? " OK" : " Not Found")
                            + "\r\nContent-Type: application/json\r\nApi-Version: 1.41\r\nContent-Length: " + body.length
                            + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(body);
                    out.flush();
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the client closed the connection
        }
    }

    /** The target of the next request (headers read and dropped; GETs have no body), null at the end. */
    private static String requestTarget(InputStream in) throws IOException {
        String first = line(in);
        if (first == null || first.isEmpty()) {
            return null;
        }
        String header;
        do {
            header = line(in);
        } while (header != null && !header.isEmpty());
        String[] parts = first.split(" ");
        return parts.length >= 2 ? parts[1] : null;
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                bytes.write(b);
            }
        }
        return b < 0 && bytes.size() == 0 ? null : bytes.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        server.close();
        Files.deleteIfExists(socket);
    }
}

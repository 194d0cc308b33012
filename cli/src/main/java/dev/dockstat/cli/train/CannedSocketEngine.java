package dev.dockstat.cli.train;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An engine on a unix socket that answers HTTP/1.1 from JSON kept in the jar, for the serve-ipc
 * training run ({@link IpcTrainingRun}): unlike {@link CannedEngine}, which stands in for the
 * transport, this one lets the worker's real transport (unix socket plugin, HTTP client, pool)
 * run, so their classes are in the worker's AOT cache too. Keep-alive; {@code /events} is a
 * chunked stream that stays open. Not a test double: the tests use the real engine.
 */
final class CannedSocketEngine implements AutoCloseable {

    private static final byte[] INFO = ("{\"Name\":\"canned\",\"ServerVersion\":\"20.10.24\",\"OperatingSystem\":\"Debian\","
            + "\"CgroupVersion\":\"1\",\"NCPU\":2,\"MemTotal\":8302428160,\"Containers\":3,\"ContainersRunning\":3}")
            .getBytes(StandardCharsets.US_ASCII);

    private final ServerSocketChannel server;
    private final Path socket;
    private final byte[] containers = resource("containers.json");
    private final byte[] stats = resource("stats.json");
    private final byte[] df = resource("df.json");
    private final byte[] events = resource("events.ndjson");
    private final List<SocketChannel> open = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private CannedSocketEngine(Path socket) throws IOException {
        this.socket = socket;
        this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Thread.ofVirtual().name("canned-engine").start(this::accept);
    }

    static CannedSocketEngine start(Path socket) throws IOException {
        return new CannedSocketEngine(socket);
    }

    private void accept() {
        while (!closed) {
            try {
                SocketChannel c = server.accept();
                open.add(c);
                Thread.ofVirtual().name("canned-engine-conn").start(() -> serve(c));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(SocketChannel c) {
        try (c) {
            ByteBuffer in = ByteBuffer.allocate(16 * 1024);
            while (!closed) {
                String head = readHead(c, in);
                if (head == null) {
                    return;
                }
                String line = head.substring(0, head.indexOf('\r'));
                String method = line.substring(0, line.indexOf(' '));
                String target = line.substring(line.indexOf(' ') + 1, line.lastIndexOf(' '));
                if (!answer(c, method, target)) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away or the engine closed
        }
    }

    /** The request head up to its blank line (requests here carry no body), or null at EOF. */
    private static String readHead(SocketChannel c, ByteBuffer in) throws IOException {
        while (true) {
            int end = indexOfBlankLine(in);
            if (end >= 0) {
                String head = new String(in.array(), 0, end, StandardCharsets.US_ASCII);
                int rest = in.position() - end - 4;
                System.arraycopy(in.array(), end + 4, in.array(), 0, rest);
                in.position(rest);
                return head;
            }
            if (!in.hasRemaining() || c.read(in) < 0) {
                return null;
            }
        }
    }

    private static int indexOfBlankLine(ByteBuffer in) {
        byte[] a = in.array();
        for (int i = 0; i + 3 < in.position(); i++) {
            if (a[i] == '\r' && a[i + 1] == '\n' && a[i + 2] == '\r' && a[i + 3] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Writes the answer; false when the connection is to stay with a stream until the engine closes. */
    private boolean answer(SocketChannel c, String method, String target) throws IOException {
        String path = target.replaceFirst("^/v[0-9.]+", "");
        if (path.startsWith("/events")) {
            write(c, "HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            write(c, chunk(events));
            while (!closed && c.read(ByteBuffer.allocate(1)) >= 0) {
                // a stream stays open until the client or the engine closes it
            }
            return false;
        }
        int status = 200;
        byte[] body;
        if (path.startsWith("/_ping")) {
            body = "OK".getBytes(StandardCharsets.US_ASCII);
        } else if (path.startsWith("/containers/json")) {
            body = containers;
        } else if (path.startsWith("/containers/") && path.contains("/stats")) {
            body = stats;
        } else if (path.startsWith("/info")) {
            body = INFO;
        } else if (path.startsWith("/system/df")) {
            body = df;
        } else {
            status = 404;
            body = ("{\"message\":\"not canned: " + path + "\"}").getBytes(StandardCharsets.UTF_8);
        }
        String head = "HTTP/1.1 " + status + (status == 200 ? " OK" : " Not Found") + "\r\nApi-Version: 1.41\r\n"
                + "Content-Type: " + (path.startsWith("/_ping") ? "text/plain" : "application/json") + "\r\n"
                + "Content-Length: " + (method.equals("HEAD") ? 0 : body.length) + "\r\n\r\n";
        write(c, head.getBytes(StandardCharsets.US_ASCII));
        if (!method.equals("HEAD")) {
            write(c, body);
        }
        return true;
    }

    private static byte[] chunk(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 16);
        out.writeBytes((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(data);
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static void write(SocketChannel c, byte[] bytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) {
            c.write(b);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = CannedSocketEngine.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing training resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        for (SocketChannel c : open) {
            c.close();
        }
        Files.deleteIfExists(socket);
    }
}

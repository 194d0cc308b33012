package dev.dockstat.synthetic;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A plain HTTP/1.1 server on one loopback port: one virtual thread per connection (and one more per
 * streamed answer), keep-alive like Go's server, faults applied as connections and requests arrive.
 */
final class LoopbackServer {

    /** Answers one request. */
    @FunctionalInterface
    interface Handler {
        Response handle(HttpRequest request) throws IOException;
    }

    /** Go's server buffers this much before it gives up on a Content-Length and chunks. */
    private static final int CHUNKING_THRESHOLD = 2048;

    private final String name;
    private final int port;
    private final Handler handler;
    private final Map<String, String> fixedHeaders; // sorted, as Go writes a handler's headers
    private final ConnectionCounters counters;
    private final EngineFaults faults;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listener;
    private volatile boolean closed;

    LoopbackServer(String name, int port, Handler handler, Map<String, String> fixedHeaders,
            ConnectionCounters counters, EngineFaults faults) {
        this.name = name;
        this.port = port;
        this.handler = handler;
        this.fixedHeaders = new TreeMap<>(fixedHeaders);
        this.counters = counters;
        this.faults = faults;
    }

    int port() {
        return port;
    }

    /** Binds the port (fails when it is taken) and starts accepting. */
    synchronized void listen() throws IOException {
        if (listener != null) {
            return;
        }
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 4096);
        listener = s;
        Thread.ofVirtual().name(name + "-accept").start(() -> accept(s));
    }

    /** Closes the listening socket: new connections are refused by the kernel until {@link #listen()}. */
    synchronized void stopListening() {
        ServerSocket s = listener;
        listener = null;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing a listener we own
            }
        }
    }

    /** Cuts every open connection, as a daemon that goes away does. */
    void closeConnections() {
        for (Socket s : open) {
            reset(s);
        }
    }

    void close() {
        closed = true;
        stopListening();
        closeConnections();
    }

    private void accept(ServerSocket s) {
        while (!s.isClosed()) {
            Socket socket;
            try {
                socket = s.accept();
            } catch (IOException e) {
                if (!s.isClosed()) {
                    System.err.println(name + ": accept failed: " + e.getMessage());
                }
                return;
            }
            if (faults != null && faults.down()) {
                counters.refused();
                reset(socket);
                continue;
            }
            counters.accepted();
            open.add(socket);
            Thread.ofVirtual().name(name + "-conn").start(() -> serve(socket));
        }
    }

    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0); // RST, not FIN: the peer sees the connection fail, not end
        } catch (SocketException ignored) {
            // already closed
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    private void serve(Socket socket) {
        Thread stream = null;
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream(), 8192);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
            while (!closed) {
                // the one reader of the connection: while an answer streams, a read here notices the client leave
                HttpRequest request = HttpRequest.read(in);
                if (stream != null) {
                    if (request == null) {
                        stream.interrupt();
                    }
                    stream.join();
                    stream = null;
                }
                if (request == null) {
                    return;
                }
                if (faults != null) {
                    faults.beforeAnswer();
                }
                Response response;
                try {
                    response = handler.handle(request);
                } catch (RuntimeException e) {
                    System.err.println(name + ": " + request.method() + " " + request.path() + " failed: " + e);
                    response = Response.error(500, e.toString());
                }
                boolean keepAlive = request.keepAlive();
                switch (response) {
                    case Response.Whole whole -> writeWhole(out, whole, request.head(), keepAlive);
                    case Response.Streamed streamed -> {
                        writeHead(out, streamed.status(), streamed.contentType(), Map.of(), -1, keepAlive);
                        out.flush();
                        if (request.head()) {
                            writeChunk(out, new byte[0]);
                            out.flush();
                        } else {
                            stream = Thread.ofVirtual().name(name + "-stream").start(() -> stream(socket, out, streamed));
                        }
                    }
                }
                if (!keepAlive) {
                    if (stream != null) {
                        stream.join();
                    }
                    return;
                }
            }
        } catch (IOException e) {
            // the client or a fault closed the connection
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (stream != null) {
                stream.interrupt();
            }
            open.remove(socket);
            counters.closed();
        }
    }

    private static void stream(Socket socket, OutputStream out, Response.Streamed streamed) {
        try {
            streamed.body().write(data -> {
                writeChunk(out, data);
                out.flush();
            });
            writeChunk(out, new byte[0]);
            out.flush();
        } catch (InterruptedException e) {
            // the client left, or the server cut the connection
        } catch (IOException e) {
            reset(socket);
        }
    }

    private void writeWhole(OutputStream out, Response.Whole whole, boolean head, boolean keepAlive) throws IOException {
        byte[] body = whole.body();
        boolean chunked = body.length >= CHUNKING_THRESHOLD;
        writeHead(out, whole.status(), whole.contentType(), whole.headers(), chunked ? -1 : body.length, keepAlive);
        if (!head) {
            if (chunked) {
                writeChunk(out, body);
                writeChunk(out, new byte[0]);
            } else {
                out.write(body);
            }
        }
        out.flush();
    }

    private void writeHead(OutputStream out, int status, String contentType, Map<String, String> extra, long length,
            boolean keepAlive) throws IOException {
        StringBuilder b = new StringBuilder(256);
        b.append("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
        Map<String, String> headers = new TreeMap<>(fixedHeaders);
        headers.putAll(extra);
        boolean plain = contentType != null && contentType.startsWith("text/plain");
        if (contentType != null && !plain) {
            headers.put("Content-Type", contentType);
        }
        for (var e : headers.entrySet()) {
            b.append(e.getKey()).append(": ").append(e.getValue()).append("\r\n");
        }
        b.append("Date: ").append(Times.httpDate()).append("\r\n");
        if (!keepAlive) {
            b.append("Connection: close\r\n");
        }
        if (length >= 0) {
            b.append("Content-Length: ").append(length).append("\r\n");
        } else {
            b.append("Transfer-Encoding: chunked\r\n");
        }
        if (plain) { // Go sniffs a text body's type after its own headers
            b.append("Content-Type: ").append(contentType).append("\r\n");
        }
        b.append("\r\n");
        out.write(b.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    private static void writeChunk(OutputStream out, byte[] data) throws IOException {
        out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(data);
        out.write('\r');
        out.write('\n');
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 204 -> "No Content";
            case 304 -> "Not Modified";
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            default -> status >= 500 ? "Internal Server Error" : "Status";
        };
    }
}

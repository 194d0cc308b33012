package dev.dockstat.faults;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A FAKE PEER, for what no real engine does on demand: a loopback HTTP/1.1 server with just enough
 * of the Engine API (ping, container list, info, stats, events) for a collector to work against it,
 * where one kind of request misbehaves in one chosen way. Two containers ({@code good1},
 * {@code good2}) answer normally, the third ({@code bad}) is the one whose stats misbehave.
 *
 * <p>Hand-written HTTP on purpose: a real server library would not stall, cut a chunk in half or
 * send a 5 MB line when asked. Each connection gets a virtual thread, which ends when the client
 * closes its side, so the fake leaves no thread or descriptor behind that the client did not.
 */
final class BrokenPeer implements AutoCloseable {

    enum Fault {
        /** accepts, reads the request, never sends a byte (to a TLS client: never a ServerHello) */
        NEVER_ANSWERS,
        /** sends the status line, the headers and a few bytes of the body, then nothing */
        STALLS_BODY,
        /** a chunked body cut off in the middle of a chunk: the connection closes */
        CLOSES_MID_CHUNK,
        /** an event line of 5 MB, then an ordinary event, then the stream stays open */
        HUGE_EVENT_LINE,
        /** a 200 answer whose body is not JSON */
        INVALID_JSON,
        /** a 200 answer without a body, as the engine ends a stats answer when the container stops meanwhile */
        EMPTY_BODY
    }

    /** Which requests misbehave. */
    enum Target { STATS_OF_BAD, EVENTS, EVERY_REQUEST }

    static final String GOOD1 = "a1".repeat(32);
    static final String GOOD2 = "a2".repeat(32);
    static final String BAD = "bb".repeat(32);
    static final int HUGE_LINE = 5 * 1024 * 1024;
    /** The ordinary event the peer sends on {@code /events} (after the huge line, if any). */
    static final String ACTION = "start";

    private final Fault fault;
    private final Target target;
    private final ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger faults = new AtomicInteger();
    private final AtomicInteger ticks = new AtomicInteger(10);

    private BrokenPeer(Fault fault, Target target) throws IOException {
        this.fault = fault;
        this.target = target;
        this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("broken-peer-accept").start(this::acceptLoop);
    }

    static BrokenPeer start(Fault fault, Target target) throws IOException {
        return new BrokenPeer(fault, target);
    }

    int port() {
        return server.getLocalPort();
    }

    /** Requests that got the fault so far. */
    int faults() {
        return faults.get();
    }

    /** Connections the peer holds open right now. */
    int openConnections() {
        return open.size();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                open.add(s);
                Thread.ofVirtual().name("broken-peer-conn").start(() -> serve(s));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            String target;
            while ((target = requestTarget(in)) != null) {
                if (!answer(target, in, out)) {
                    return;
                }
            }
        } catch (IOException gone) {
            // the client went away
        } finally {
            open.remove(socket);
        }
    }

    /** The request target of the next request on the connection, null at its end. */
    private static String requestTarget(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4 && (b = in.read()) >= 0) {
            head.write(b);
            matched = b == end[matched] ? matched + 1 : b == '\r' ? 1 : 0;
        }
        if (matched < 4) {
            return null;
        }
        String first = head.toString(StandardCharsets.ISO_8859_1).lines().findFirst().orElse("");
        String[] parts = first.split(" ");
        return parts.length >= 2 ? parts[1] : "/";
    }

    /** Answers one request; false when the connection must end. */
    private boolean answer(String target, InputStream in, OutputStream out) throws IOException {
        String path = target.replaceFirst("\\?.*", "").replaceFirst("^/v[0-9.]+", "");
        boolean faulted = this.target == Target.EVERY_REQUEST
                || this.target == Target.EVENTS && path.equals("/events")
                || this.target == Target.STATS_OF_BAD && path.equals("/containers/" + BAD + "/stats");
        if (faulted) {
            faults.incrementAndGet();
            return misbehave(path, in, out);
        }
        switch (path) {
            case "/_ping" -> send(out, "text/plain", "OK");
            case "/containers/json" -> send(out, "application/json", "[" + String.join(",",
                    List.of(summary(GOOD1, "good1"), summary(GOOD2, "good2"), summary(BAD, "bad"))) + "]");
            case "/info" -> send(out, "application/json", "{\"NCPU\":2,\"MemTotal\":8589934592,\"Name\":\"broken-peer\"}");
            case "/events" -> {
                chunkedHead(out);
                chunk(out, event());
                awaitClose(in);
                return false;
            }
            default -> {
                if (path.startsWith("/containers/") && path.endsWith("/stats")) {
                    send(out, "application/json", stats(path.split("/")[2]));
                } else {
                    out.write(("HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: 28\r\n\r\n"
                            + "{\"message\":\"page not found\"}").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            }
        }
        return true;
    }

    private boolean misbehave(String path, InputStream in, OutputStream out) throws IOException {
        switch (fault) {
            case NEVER_ANSWERS -> awaitClose(in);
            case STALLS_BODY -> {
                out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 4096\r\n\r\n{\"read\":".getBytes(StandardCharsets.UTF_8));
                out.flush();
                awaitClose(in);
            }
            case CLOSES_MID_CHUNK -> {
                chunkedHead(out);
                out.write(("400\r\n{\"id\":\"" + BAD + "\",\"read\":\"").getBytes(StandardCharsets.UTF_8)); // 1024 announced, fewer sent
                out.flush();
            }
            case HUGE_EVENT_LINE -> {
                chunkedHead(out);
                byte[] huge = new byte[HUGE_LINE];
                Arrays.fill(huge, (byte) 'x');
                byte[] prefix = ("{\"Type\":\"container\",\"Action\":\"huge\",\"timeNano\":1,\"pad\":\"").getBytes(StandardCharsets.UTF_8);
                System.arraycopy(prefix, 0, huge, 0, prefix.length);
                huge[HUGE_LINE - 2] = '"';
                huge[HUGE_LINE - 1] = '}';
                for (int off = 0; off < huge.length; off += 256 * 1024) {
                    out.write(String.format("%x\r\n", Math.min(256 * 1024, huge.length - off)).getBytes(StandardCharsets.US_ASCII));
                    out.write(huge, off, Math.min(256 * 1024, huge.length - off));
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                chunk(out, "\n" + event());
                awaitClose(in);
            }
            case INVALID_JSON -> {
                send(out, "application/json", "<html>502 Bad Gateway</html> {\"cpu_stats\":");
                return true;
            }
            case EMPTY_BODY -> {
                send(out, "application/json", "");
                return true;
            }
        }
        return false;
    }

    /** An ordinary container event with a fresh time. */
    private static String event() {
        long nanos = Instant.now().getEpochSecond() * 1_000_000_000L + Instant.now().getNano();
        return "{\"status\":\"" + ACTION + "\",\"id\":\"" + GOOD1 + "\",\"Type\":\"container\",\"Action\":\"" + ACTION
                + "\",\"Actor\":{\"ID\":\"" + GOOD1 + "\",\"Attributes\":{\"name\":\"good1\"}},\"scope\":\"local\",\"time\":"
                + nanos / 1_000_000_000L + ",\"timeNano\":" + nanos + "}\n";
    }

    /** Blocks until the client closes the connection (or the peer closes). */
    private void awaitClose(InputStream in) {
        try {
            byte[] sink = new byte[8192];
            while (in.read(sink) >= 0) {
                // a TLS ClientHello, a request: read and ignored
            }
        } catch (IOException gone) {
            // closed
        }
    }

    private static String summary(String id, String name) {
        return "{\"Id\":\"" + id + "\",\"Names\":[\"/" + name + "\"],\"Image\":\"fake\",\"State\":\"running\",\"Status\":\"Up\"}";
    }

    private String stats(String id) {
        long k = ticks.incrementAndGet();
        return "{\"id\":\"" + id + "\",\"read\":\"" + Instant.now() + "\",\"preread\":\"" + Instant.now().minusSeconds(1) + "\","
                + "\"precpu_stats\":" + cpu(k - 1) + ",\"cpu_stats\":" + cpu(k)
                + ",\"memory_stats\":{\"usage\":12582912,\"limit\":67108864,\"stats\":{\"total_inactive_file\":2097152}},\"pids_stats\":{\"current\":1}}";
    }

    private static String cpu(long tick) {
        return "{\"cpu_usage\":{\"total_usage\":" + tick * 500_000_000L + "},\"system_cpu_usage\":" + tick * 2_000_000_000L + ",\"online_cpus\":2}";
    }

    private static void send(OutputStream out, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Type: " + type + "\r\nContent-Length: " + bytes.length + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.write(bytes);
        out.flush();
    }

    private static void chunkedHead(OutputStream out) throws IOException {
        out.write("HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                .getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void chunk(OutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.write(String.format("%x\r\n", bytes.length).getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : open) {
            s.close();
        }
    }
}

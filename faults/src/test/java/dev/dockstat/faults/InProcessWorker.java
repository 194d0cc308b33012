package dev.dockstat.faults;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockstat.core.api.Json;
import dev.dockstat.ipc.IpcServer;
import dev.dockstat.testbed.FedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * serve-ipc's {@link IpcServer} in this JVM, with a stdin the test writes to and a stdout that is
 * parsed line by line as it is written: for what needs many inputs quickly (the fuzz properties) or
 * this JVM's threads and descriptors.
 */
final class InProcessWorker implements AutoCloseable {

    private final String name;
    private final FedInputStream stdin = new FedInputStream();
    private final JsonLines stdout = new JsonLines();
    private final List<String> stderr = new CopyOnWriteArrayList<>();
    private final Thread thread;

    InProcessWorker(String name, Map<String, String> env) {
        this.name = name;
        IpcServer server = new IpcServer(stdin, stdout, stderr::add, env);
        thread = Thread.ofPlatform().name(name).start(server::run);
    }

    void send(String line) {
        stdin.line(line);
    }

    void send(byte[] bytes) {
        stdin.bytes(bytes);
    }

    /** Waits (without polling) until a stdout message matches; fails after {@code timeout}. */
    JsonNode await(String what, Duration timeout, java.util.function.Predicate<JsonNode> match) throws InterruptedException {
        return stdout.await(what, timeout, match);
    }

    List<JsonNode> messages() {
        return List.copyOf(stdout.messages);
    }

    List<JsonNode> of(String type, long envId) {
        return stdout.messages.stream().filter(m -> m.path("type").asText().equals(type) && m.path("envId").asLong() == envId).toList();
    }

    /** Lines written to stdout that were not one JSON object. */
    List<String> invalidLines() {
        return List.copyOf(stdout.invalid);
    }

    /** Bytes written to stdout after the last newline: half a line. */
    int pendingBytes() {
        return stdout.pendingBytes();
    }

    List<String> stderr() {
        return List.copyOf(stderr);
    }

    boolean alive() {
        return thread.isAlive();
    }

    /** stdin EOF; the worker must end. */
    @Override
    public void close() throws InterruptedException {
        stdin.close();
        thread.join(Duration.ofSeconds(10));
        Captured.keep(name + ".stdout", stdout.messages.stream().map(JsonNode::toString).toList());
        Captured.keep(name + ".stderr", stderr);
        assertFalse(thread.isAlive(), name + " ends at stdin EOF");
    }

    /** stdout parsed per line; what is not a JSON object is kept aside. */
    private static final class JsonLines extends OutputStream {
        final List<JsonNode> messages = new CopyOnWriteArrayList<>();
        final List<String> invalid = new CopyOnWriteArrayList<>();
        private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            for (int i = off; i < off + len; i++) {
                if (b[i] != '\n') {
                    partial.write(b[i]);
                    continue;
                }
                try {
                    JsonNode node = Json.MAPPER.readTree(partial.toByteArray());
                    if (node != null && node.isObject()) {
                        messages.add(node);
                        notifyAll();
                    } else {
                        invalid.add(partial.toString(StandardCharsets.UTF_8));
                    }
                } catch (IOException e) {
                    invalid.add(partial.toString(StandardCharsets.UTF_8));
                }
                partial.reset();
            }
        }

        synchronized JsonNode await(String what, Duration timeout, java.util.function.Predicate<JsonNode> match) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            int seen = 0;
            while (true) {
                for (; seen < messages.size(); seen++) {
                    if (match.test(messages.get(seen))) {
                        return messages.get(seen);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("timed out after " + timeout + " waiting for " + what);
                }
                wait(Math.max(1, left / 1_000_000));
            }
        }

        synchronized int pendingBytes() {
            return partial.size();
        }
    }
}

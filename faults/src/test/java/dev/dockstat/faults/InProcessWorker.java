package dev.dockstat.faults;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockstat.ipc.IpcServer;
import dev.dockstat.testbed.FedInputStream;
import dev.dockstat.testbed.JsonLinesOutput;
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
    private final JsonLinesOutput stdout = new JsonLinesOutput();
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
        return List.copyOf(stdout.messages());
    }

    List<JsonNode> of(String type, long envId) {
        return stdout.of(type, envId);
    }

    /** Lines written to stdout that were not one JSON object. */
    List<String> invalidLines() {
        return stdout.invalidLines();
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
        Captured.keep(name + ".stdout", stdout.messages().stream().map(JsonNode::toString).toList());
        Captured.keep(name + ".stderr", stderr);
        assertFalse(thread.isAlive(), name + " ends at stdin EOF");
    }
}

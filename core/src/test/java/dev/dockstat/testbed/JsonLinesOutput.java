package dev.dockstat.testbed;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockstat.core.api.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * An in-process worker's stdout, parsed line by line as it is written: each complete line that is
 * one JSON object becomes a message, anything else is kept aside as invalid (tests assert on it
 * rather than throwing on the worker's thread).
 */
public final class JsonLinesOutput extends OutputStream {

    private final List<JsonNode> messages = new CopyOnWriteArrayList<>();
    private final List<String> invalid = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

    @Override
    public synchronized void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            if (b[i] == '\n') {
                endLine();
            } else {
                partial.write(b[i]);
            }
        }
    }

    private void endLine() {
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

    /** Every message so far, in order (a live view: it grows while the worker writes). */
    public List<JsonNode> messages() {
        return messages;
    }

    /** The messages of one type for one environment. */
    public List<JsonNode> of(String type, long envId) {
        return messages.stream().filter(m -> m.path("type").asText().equals(type) && m.path("envId").asLong() == envId).toList();
    }

    /** Lines written that were not one JSON object. */
    public List<String> invalidLines() {
        return List.copyOf(invalid);
    }

    /** Bytes written after the last newline: half a line. */
    public synchronized int pendingBytes() {
        return partial.size();
    }

    /** Waits (woken by each new message, no polling) for a message that matches; fails after {@code timeout}. */
    public synchronized JsonNode await(String what, Duration timeout, Predicate<JsonNode> match) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int seen = 0; ; ) {
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
}

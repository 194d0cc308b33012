package dev.dockstat.synthetic;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** What a route answers: a whole body, or a stream of chunks written on a thread of its own. */
sealed interface Response {

    int status();

    /** Null: no {@code Content-Type} header (dockerd sends none on a stats stream). */
    String contentType();

    /** A complete answer; like Go's server, under 2 KiB it gets a Content-Length, above it is chunked. */
    record Whole(int status, String contentType, byte[] body, java.util.Map<String, String> headers) implements Response {
        Whole(int status, String contentType, byte[] body) {
            this(status, contentType, body, java.util.Map.of());
        }
    }

    /** A streamed answer: headers at once, then whatever {@code body} writes, chunk by chunk. */
    record Streamed(int status, String contentType, StreamBody body) implements Response {}

    @FunctionalInterface
    interface StreamBody {
        /** Writes until done; an interrupt means the client went away. */
        void write(ChunkSink sink) throws IOException, InterruptedException;
    }

    @FunctionalInterface
    interface ChunkSink {
        /** Sends one chunk and flushes it. */
        void chunk(byte[] data) throws IOException;
    }

    static Whole json(int status, String body) {
        return new Whole(status, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    static Whole json(String body) {
        return json(200, body);
    }

    /** dockerd's error answer: {@code {"message":"..."}} and a newline. */
    static Whole error(int status, String message) {
        return json(status, "{\"message\":" + Json.quote(message) + "}\n");
    }
}

package dev.dockstat.core.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.dockstat.core.spi.TransportResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventLinesTest {

    static EventLines lines(byte[] body) {
        InputStream in = new ByteArrayInputStream(body);
        return new EventLines(new TransportResponse() {
            @Override public int status() { return 200; }
            @Override public Optional<String> header(String name) { return Optional.empty(); }
            @Override public InputStream body() { return in; }
            @Override public void close() { }
        });
    }

    @Test
    void splitsLinesAndKeepsBytesAsSent() throws IOException {
        EventLines lines = lines("{\"a\":1}\n\n{\"b\": \"é\"}\r\n{\"c\":3}".getBytes(StandardCharsets.UTF_8));
        assertArrayEquals("{\"a\":1}".getBytes(StandardCharsets.UTF_8), lines.next());
        assertArrayEquals("{\"b\": \"é\"}".getBytes(StandardCharsets.UTF_8), lines.next());
        assertArrayEquals("{\"c\":3}".getBytes(StandardCharsets.UTF_8), lines.next());
        assertNull(lines.next());
    }

    @Test
    void skipsLinesOverTheCapWithoutBufferingThem() throws IOException {
        byte[] big = new byte[EventLines.MAX_LINE + 10];
        java.util.Arrays.fill(big, (byte) 'x');
        byte[] body = new byte[big.length + 10];
        System.arraycopy(big, 0, body, 0, big.length);
        System.arraycopy("\n{\"ok\":1}\n".getBytes(StandardCharsets.UTF_8), 0, body, big.length, 10);
        EventLines lines = lines(body);
        assertArrayEquals("{\"ok\":1}".getBytes(StandardCharsets.UTF_8), lines.next());
        assertEquals(1, lines.oversized());
        assertNull(lines.next());
    }
}

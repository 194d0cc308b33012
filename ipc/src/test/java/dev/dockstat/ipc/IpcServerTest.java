package dev.dockstat.ipc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The worker's framing and robustness on stdin, without an engine. */
class IpcServerTest {

    final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    final List<String> stderr = Collections.synchronizedList(new ArrayList<>());

    static InputStream lines(String... lines) {
        return new ByteArrayInputStream((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    List<String> serve(InputStream stdin) {
        new IpcServer(stdin, stdout, stderr::add, Map.of()).run();
        return List.of(stdout.toString(StandardCharsets.UTF_8).split("\n"));
    }

    static final String BAD_CONFIGURE = "{\"type\":\"configure\",\"envId\":9,\"config\":{\"type\":\"ssh\"}}";
    static final String BAD_CONFIGURE_ANSWER = "{\"type\":\"error\",\"envId\":9,\"error\":\"configure: unsupported connection type: ssh\"}";

    @Test
    void readyComesFirstAndStdinEofEndsTheWorker() {
        assertEquals(List.of("{\"type\":\"ready\"}"), serve(lines()));
        assertTrue(stderr.get(stderr.size() - 1).contains("stdin closed: stopped"), stderr.toString());
    }

    @Test
    void shutdownEndsTheWorkerAndLaterLinesAreNotRead() {
        List<String> out = serve(lines("{\"type\":\"shutdown\"}", BAD_CONFIGURE));
        assertEquals(List.of("{\"type\":\"ready\"}"), out);
        assertTrue(stderr.contains("shutdown: stopped"), stderr.toString());
    }

    @Test
    void badLinesAreReportedAndServingGoesOn() {
        List<String> out = serve(lines("not json", "{\"type\":\"remove\",\"envId\":\"x\"}", "", "{\"type\":\"nope\"}", BAD_CONFIGURE));
        assertEquals(List.of("{\"type\":\"ready\"}", BAD_CONFIGURE_ANSWER), out);
        assertEquals(List.of("invalid message: malformed JSON at column 1", "invalid message: envId: expected an integer, got a string",
                "unknown message type: nope"), stderr.subList(0, 3));
    }

    @Test
    void aTwentyMegabyteLineIsSkippedWithOneDiagnosticAndTheNextLineServed() {
        byte[] huge = new byte[20 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) 'x');
        huge[0] = '{';
        InputStream stdin = new SequenceInputStream(new ByteArrayInputStream(huge), lines("", BAD_CONFIGURE));
        List<String> out = serve(stdin);
        assertEquals(List.of("{\"type\":\"ready\"}", BAD_CONFIGURE_ANSWER), out);
        assertEquals(1, stderr.stream().filter(l -> l.contains("longer than 10485760 bytes")).count(), stderr.toString());
    }

    @Test
    void aLineOfExactlyTheCapIsStillRead() {
        String padded = BAD_CONFIGURE.substring(0, BAD_CONFIGURE.length() - 1) + ",\"pad\":\"";
        String line = padded + "x".repeat(IpcServer.MAX_LINE - padded.length() - 2) + "\"}";
        assertEquals(IpcServer.MAX_LINE, line.length());
        assertEquals(List.of("{\"type\":\"ready\"}", BAD_CONFIGURE_ANSWER), serve(lines(line)));
    }

    @Test
    void aFloodOfBadLinesIsSummarisedNotEchoed() {
        String[] flood = new String[10_001];
        java.util.Arrays.fill(flood, "garbage");
        flood[10_000] = BAD_CONFIGURE;
        List<String> out = serve(lines(flood));
        assertEquals(List.of("{\"type\":\"ready\"}", BAD_CONFIGURE_ANSWER), out);
        assertTrue(stderr.size() < 30, stderr.size() + " stderr lines");
        assertTrue(stderr.contains((10_000 - IpcServer.RateLimitedReports.PER_WINDOW) + " more bad lines skipped"), stderr.toString());
    }
}

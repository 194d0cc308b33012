package dev.dockstat.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The packaged worker (its launcher caps the heap at 48 MB) fed what its parent must never send:
 * 20 MB lines, a 9 MB message, deep nesting, and thousands of random lines. It must keep running,
 * keep answering, write only JSON lines, and stay within its memory.
 */
@Order(4)
class WorkerInputIT {

    private static final int MB = 1024 * 1024;

    @Test
    void thePackagedWorkerSurvivesGarbageWithinItsHeap() throws Exception {
        try (WorkerProcess worker = new WorkerProcess("garbage-worker", Map.of("SKIP_DF_COLLECTION", "true"))) {
            worker.await("ready", Duration.ofSeconds(20), () -> !worker.messages().isEmpty());
            Random random = new Random(9);
            int lines = 0;
            for (int i = 0; i < 3; i++) {
                worker.send(line(20 * MB, (byte) 'x'));
                lines++;
            }
            worker.send(line(11 * MB, (byte) '{'));
            byte[] message = line(9 * MB, (byte) 'a');
            byte[] head = "{\"type\":\"remove\",\"envId\":7,\"name\":\"".getBytes(StandardCharsets.UTF_8);
            System.arraycopy(head, 0, message, 0, head.length);
            message[message.length - 3] = '"';
            message[message.length - 2] = '}';
            worker.send(message);
            worker.send(("{\"type\":\"configure\",\"config\":" + "[".repeat(MB) + "]".repeat(MB) + "}\n").getBytes(StandardCharsets.UTF_8));
            worker.send(("{\"envId\":123456789012345678901234567890,\"type\":\"remove\",\"intervalMs\":1e400}\n").getBytes(StandardCharsets.UTF_8));
            lines += 4;
            for (int i = 0; i < 5000; i++) {
                byte[] junk = new byte[random.nextInt(2000)];
                random.nextBytes(junk);
                for (int j = 0; j < junk.length; j++) {
                    if (junk[j] == '\n') {
                        junk[j] = ' ';
                    }
                }
                worker.send(junk);
                worker.send(new byte[] {'\n'});
                lines++;
            }
            worker.send("{\"type\":\"container_metrics\",\"envId\":77,\"container\":\"x\",\"from\":0}");
            worker.await("an answer after the garbage", Duration.ofSeconds(60), () -> worker.of("error", 77).size() == 1);
            long peakKb = statusKb(worker.pid(), "VmHWM");
            long rssKb = statusKb(worker.pid(), "VmRSS");
            assertTrue(worker.alive(), "the worker runs");
            worker.send("{\"type\":\"shutdown\"}");
            assertEquals(0, worker.exitCode(Duration.ofSeconds(10)), "exit 0 on shutdown: " + worker.errText());
            assertEquals(List.of(), worker.invalidLines(), "stdout: JSON objects only");
            assertEquals(List.of("ready", "error"), worker.messages().stream().map(WorkerProcess.Message::type).toList());
            String stderr = worker.errText();
            assertFalse(stderr.contains("OutOfMemoryError") || stderr.contains("Exception") || stderr.contains("\tat "),
                    "no stack trace, no OutOfMemoryError:\n" + stderr.substring(0, Math.min(3000, stderr.length())));
            assertTrue(stderr.contains("skipped a line longer than " + (10 * MB) + " bytes"), stderr.substring(0, Math.min(3000, stderr.length())));
            assertTrue(peakKb < 200 * 1024, "peak RSS " + peakKb + " kB");
            System.out.println("[faults] packaged worker (-Xmx48m) fed " + lines + " bad lines (3 x 20 MB, 11 MB, a 9 MB message, "
                    + "1M-deep nesting, huge numbers, 5000 random): alive, answered after them, stdout JSON only, exit 0; peak RSS "
                    + peakKb / 1024 + " MB (RSS at the end " + rssKb / 1024 + " MB), " + worker.err().size() + " stderr lines");
        }
    }

    private static byte[] line(int length, byte fill) {
        byte[] b = new byte[length + 1];
        Arrays.fill(b, fill);
        b[length] = '\n';
        return b;
    }

    private static long statusKb(long pid, String field) throws Exception {
        for (String l : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (l.startsWith(field + ":")) {
                return Long.parseLong(l.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}

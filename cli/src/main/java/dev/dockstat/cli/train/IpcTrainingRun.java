package dev.dockstat.cli.train;

import dev.dockstat.ipc.Diagnostics;
import dev.dockstat.ipc.IpcServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What the build runs to record the collection worker's own AOT cache ({@code dockstat __train-ipc}
 * with {@code -XX:AOTCacheOutput}, through the launcher with serve-ipc's JVM options): the worker
 * as Dockhand drives it (configure a socket environment, set the interval, rounds, disk usage,
 * events, shutdown) against a {@link CannedSocketEngine}, so the real transport and HTTP client run
 * and no engine is needed. Takes about a second; prints nothing.
 *
 * <p>A cache of its own, not the commands' one: a JDK 25 cache loads every class it holds at
 * start-up, and the worker needs none of picocli, JLine or the renderers.
 */
public final class IpcTrainingRun {

    private static final int ROUNDS = 8;

    private IpcTrainingRun() {}

    public static void run() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("dockstat-train-ipc");
        Path socket = dir.resolve("engine.sock");
        CountDownLatch rounds = new CountDownLatch(ROUNDS);
        CountDownLatch disk = new CountDownLatch(1);
        try (CannedSocketEngine engine = CannedSocketEngine.start(socket);
                PipedOutputStream commands = new PipedOutputStream();
                PipedInputStream stdin = new PipedInputStream(commands, 64 * 1024)) {
            OutputStream stdout = new OutputStream() {
                @Override
                public void write(int b) {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    String line = new String(b, off, len, StandardCharsets.UTF_8);
                    if (line.contains("\"type\":\"metrics\"")) {
                        rounds.countDown();
                    } else if (line.contains("\"type\":\"disk_usage\"")) {
                        disk.countDown();
                    }
                }
            };
            IpcServer server = new IpcServer(stdin, stdout, Diagnostics.to(new PrintWriter(Writer.nullWriter())),
                    Map.of("DOCKSTAT_DISK_DELAY_MS", "0", "DOCKSTAT_DEBUG", "1"));
            Thread serving = Thread.ofPlatform().name("train-ipc").start(server::run);
            send(commands, "{\"type\":\"configure\",\"envId\":1,\"name\":\"canned\",\"connectionType\":\"socket\","
                    + "\"config\":{\"type\":\"socket\",\"socketPath\":\"" + socket + "\"}}");
            send(commands, "{\"type\":\"set_metrics_interval\",\"intervalMs\":50}");
            send(commands, "{\"type\":\"set_event_mode\",\"mode\":\"stream\"}");
            send(commands, "not json"); // the bad-line path, as a confused parent would take it
            rounds.await(30, TimeUnit.SECONDS);
            disk.await(10, TimeUnit.SECONDS);
            send(commands, "{\"type\":\"shutdown\"}");
            serving.join(10_000);
        } finally {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(dir);
        }
    }

    private static void send(PipedOutputStream commands, String line) throws IOException {
        commands.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        commands.flush();
    }
}

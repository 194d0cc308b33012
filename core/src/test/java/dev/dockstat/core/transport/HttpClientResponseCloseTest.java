package dev.dockstat.core.transport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.dockstat.core.spi.PoolSizes;
import dev.dockstat.core.spi.TransportRequest;
import dev.dockstat.core.spi.TransportResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.hc.core5.http.HttpHost;
import org.junit.jupiter.api.Test;

/**
 * A response on the request pool whose body the engine holds open (Podman holds a bounded events read
 * until its end): a close from another thread while a read is blocked in it aborts that read at
 * once, as {@link TransportResponse#close()} promises, instead of draining the body to its end.
 */
class HttpClientResponseCloseTest {

    @Test
    void aCloseFromAnotherThreadAbortsABlockedReadOfARequestPoolBody() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked: the body has no announced end
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("{\"status\":\"start\"}\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                release.await(60, TimeUnit.SECONDS); // the engine holds the response open
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException gone) {
                // the client went away: what the test wants
            }
        });
        server.start();
        try (HttpClientTransport transport = new HttpClientTransport(new HttpClientTransport.Connector(
                new HttpHost("http", "127.0.0.1", server.getAddress().getPort()), null, null, null, true), PoolSizes.DEFAULTS)) {
            TransportResponse response = transport.execute(TransportRequest.get("/events?until=later",
                    TransportRequest.Pool.REQUEST, Duration.ofSeconds(60)));
            InputStream body = response.body();
            CountDownLatch reading = new CountDownLatch(1);
            CountDownLatch ended = new CountDownLatch(1);
            Thread reader = Thread.ofVirtual().start(() -> {
                try {
                    while (body.read() != '\n') {
                        // the first line
                    }
                    reading.countDown();
                    while (body.read() >= 0) {
                        // blocked here until the close
                    }
                } catch (IOException aborted) {
                    // the close cut it
                } finally {
                    ended.countDown();
                }
            });
            assertTrue(reading.await(10, TimeUnit.SECONDS), "the first line read");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (reader.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
                Thread.onSpinWait(); // until the reader is parked in the socket read
            }
            Thread closer = Thread.ofVirtual().start(response::close);
            closer.join(Duration.ofSeconds(5));
            assertFalse(closer.isAlive(), "close returned without waiting for the body's end");
            assertTrue(ended.await(5, TimeUnit.SECONDS), "the blocked read ended with the close");
            reader.join(Duration.ofSeconds(1));
        } finally {
            release.countDown();
            server.stop(0);
        }
    }
}

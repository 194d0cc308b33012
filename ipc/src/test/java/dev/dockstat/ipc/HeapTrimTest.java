package dev.dockstat.ipc;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HeapTrimTest {

    @Test
    void collectsEveryIntervalUntilClosed() throws Exception {
        CountDownLatch twice = new CountDownLatch(2);
        AtomicInteger collections = new AtomicInteger();
        HeapTrim trim = HeapTrim.every(Duration.ofMillis(20), () -> {
            collections.incrementAndGet();
            twice.countDown();
        });
        try {
            assertTrue(twice.await(5, TimeUnit.SECONDS), "two collections within 5 s at a 20 ms interval");
        } finally {
            trim.close();
        }
        assertFalse(trim.running(), "no collection runs or starts once close has returned");
    }
}

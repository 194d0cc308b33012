package dev.dockstat.ipc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HeapTrimTest {

    @Test
    void collectsEveryIntervalUntilClosed() throws InterruptedException {
        CountDownLatch three = new CountDownLatch(3);
        HeapTrim trim = HeapTrim.every(Duration.ofMillis(20), three::countDown);
        assertTrue(three.await(10, TimeUnit.SECONDS), "three collections at 20 ms apart");
        assertTrue(trim.running());
        trim.close();
        assertFalse(trim.running(), "its thread has ended: nothing more is collected");
    }

    @Test
    void aZeroIntervalStartsNothing() {
        AtomicInteger runs = new AtomicInteger();
        HeapTrim trim = HeapTrim.every(Duration.ZERO, runs::incrementAndGet);
        assertSame(HeapTrim.OFF, trim);
        assertFalse(trim.running());
        trim.close();
        assertEquals(0, runs.get());
    }
}

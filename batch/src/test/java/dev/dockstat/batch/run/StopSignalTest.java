package dev.dockstat.batch.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A stop ends every wait and reaches every subscriber, also one that subscribes late, and no closed one. */
class StopSignalTest {

    @Test
    void aStopEndsAWaitAtOnce() {
        StopSignal stop = new StopSignal();
        assertTrue(stop.waitUntil(System.nanoTime() - 1), "a deadline already passed: no wait");
        stop.stop();
        long before = System.nanoTime();
        assertFalse(stop.waitUntil(System.nanoTime() + 3_600_000_000_000L), "stopped: the hour is not waited");
        assertTrue(System.nanoTime() - before < 1_000_000_000L);
    }

    @Test
    void subscribersHearTheStopOnceEvenWhenLate() {
        StopSignal stop = new StopSignal();
        AtomicInteger early = new AtomicInteger();
        AtomicInteger closed = new AtomicInteger();
        StopSignal.Subscription kept = stop.onStop(early::incrementAndGet);
        stop.onStop(closed::incrementAndGet).close();
        stop.stop();
        AtomicInteger late = new AtomicInteger();
        stop.onStop(late::incrementAndGet);
        kept.close();
        assertEquals(1, early.get());
        assertEquals(0, closed.get(), "a closed subscription hears nothing");
        assertEquals(1, late.get(), "subscribing after the stop runs the action at once");
    }
}

package dev.dockstat.core.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static List<Long> seconds(Backoff backoff, int n) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(backoff.next().toSeconds());
        }
        return out;
    }

    @Test
    void theWorkersScheduleIsFiveSecondsDoublingToSixty() {
        assertEquals(List.of(5L, 10L, 20L, 40L, 60L, 60L, 60L), seconds(new Backoff(), 7));
    }

    @Test
    void resetStartsOver() {
        Backoff backoff = new Backoff();
        seconds(backoff, 4);
        backoff.reset();
        assertEquals(List.of(5L, 10L), seconds(backoff, 2));
    }

    @Test
    void theCommandLinesScheduleIsItsOwn() {
        assertEquals(List.of(1L, 2L, 4L, 8L, 15L, 15L), seconds(new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(15)), 6));
    }

    @Test
    void aJitteredDelayIsBetweenHalfItsStepAndAllOfIt() {
        List<Double> draws = List.of(0.0, 0.5, 0.999_999, 0.25);
        int[] k = {0};
        Backoff backoff = new Backoff(Backoff.FIRST, Backoff.MAX, Backoff.JITTER, () -> draws.get(k[0]++));
        assertEquals(List.of(5000L, 7500L, 10_000L, 35_000L),
                List.of(backoff.next().toMillis(), backoff.next().toMillis(), backoff.next().toMillis(), backoff.next().toMillis()));
    }

    @Test
    void theWorkersBackoffsSpreadAHundredEnvironmentsRetries() {
        // a hundred environments losing their engines at once must not retry in the same instant:
        // their first retries spread over the 2.5 s between half the first step and all of it
        Set<Long> tenths = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            long ms = Backoff.jittered().next().toMillis();
            assertTrue(ms >= 2500 && ms <= 5000, ms + " ms");
            tenths.add(ms / 100);
        }
        assertTrue(tenths.size() >= 15, "first retries in only " + tenths.size() + " distinct tenths of a second");
    }
}

package dev.dockstat.core.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StartSlotsTest {

    private static final long SECOND = 1_000_000_000L;
    private long now;
    private final StartSlots slots = new StartSlots(() -> now);

    /** The next slot's start for rounds {@code interval} apart, as a loop asks for it. */
    private long start(Duration interval) {
        return slots.take().startFor(interval);
    }

    @Test
    void environmentsConfiguredTogetherAreSpreadOverOneInterval() {
        now = 5 * SECOND;
        Duration interval = Duration.ofSeconds(8);
        assertEquals(List.of(5 * SECOND, 9 * SECOND, 7 * SECOND, 11 * SECOND, 6 * SECOND),
                List.of(start(interval), start(interval), start(interval), start(interval), start(interval)));
    }

    @Test
    void aHundredEnvironmentsAtThirtySecondsGetAHundredPhasesNoneCloserThanAnEvenShareHalved() {
        Duration interval = Duration.ofSeconds(30);
        List<Long> starts = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            starts.add(start(interval));
        }
        List<Long> sorted = starts.stream().sorted().toList();
        assertTrue(sorted.getLast() < interval.toNanos(), "all start within one interval: " + sorted.getLast());
        long evenShare = interval.toNanos() / 100;
        for (int i = 1; i < sorted.size(); i++) {
            long gap = sorted.get(i) - sorted.get(i - 1);
            assertTrue(gap >= evenShare / 2, "two phases " + gap / 1_000_000 + " ms apart");
        }
    }

    @Test
    void anEnvironmentConfiguredLaterWaitsForItsPhaseAtMostOneInterval() {
        Duration interval = Duration.ofSeconds(8);
        now = 0;
        assertEquals(0, start(interval));
        now = 10 * SECOND; // its phase is 4 s past the origin: 4 s, 12 s, ...
        assertEquals(12 * SECOND, start(interval));
        now = 14 * SECOND; // 2 s past the origin: 2, 10, 18 s, ...
        assertEquals(18 * SECOND, start(interval));
        now = 22 * SECOND; // 6 s: exactly now
        assertEquals(22 * SECOND, start(interval));
    }

    @Test
    void aSlotsStartFollowsTheIntervalItIsAskedWith() {
        now = 5 * SECOND;
        slots.take();
        StartSlots.Slot second = slots.take();
        // Dockhand configures its environments, then sets the interval: the start moves with it
        assertEquals(20 * SECOND, second.startFor(Duration.ofSeconds(30)));
        assertEquals(5 * SECOND + SECOND / 2, second.startFor(Duration.ofSeconds(1)));
    }

    @Test
    void theSequenceMirrorsTheBinaryDigits() {
        assertEquals(List.of(0.5, 0.25, 0.75, 0.125, 0.625), List.of(StartSlots.radicalInverse(1), StartSlots.radicalInverse(2),
                StartSlots.radicalInverse(3), StartSlots.radicalInverse(4), StartSlots.radicalInverse(5)));
    }
}

package dev.dockstat.core.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class StartSlotsTest {

    private long now;
    private final StartSlots slots = new StartSlots(Duration.ofSeconds(1), () -> now);

    @Test
    void environmentsConfiguredTogetherStartASpacingApart() {
        now = 5_000_000_000L;
        assertEquals(List.of(5_000_000_000L, 6_000_000_000L, 7_000_000_000L), List.of(slots.take(), slots.take(), slots.take()));
    }

    @Test
    void anEnvironmentConfiguredLaterStartsAtOnce() {
        now = 0;
        slots.take();
        now = 1_500_000_000L;
        assertEquals(1_500_000_000L, slots.take());
        now = 1_600_000_000L;
        assertEquals(2_500_000_000L, slots.take());
    }
}

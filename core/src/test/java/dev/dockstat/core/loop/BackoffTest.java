package dev.dockstat.core.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
}

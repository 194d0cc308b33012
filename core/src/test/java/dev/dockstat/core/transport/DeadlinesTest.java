package dev.dockstat.core.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeadlinesTest {

    /** A request answered in time holds nothing after its answer: its deadline is gone from the queue, not only marked. */
    @Test
    void aDisarmedDeadlineLeavesTheQueueAtOnce() {
        int before = Deadlines.pending();
        List<Deadlines.Handle> handles = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            handles.add(Deadlines.cancelAt(() -> true, Duration.ofSeconds(10)));
        }
        assertEquals(before + 100, Deadlines.pending());
        handles.forEach(Deadlines.Handle::disarm);
        assertEquals(before, Deadlines.pending());
        handles.forEach(h -> assertFalse(h.fired()));
    }
}

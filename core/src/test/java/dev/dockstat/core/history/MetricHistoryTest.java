package dev.dockstat.core.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MetricHistoryTest {

    @Test
    void readsEverythingAfterTheCursor() {
        MetricHistory h = new MetricHistory(5);
        for (int i = 0; i < 3; i++) {
            h.append(1000 + i, i, 10 + i);
        }
        HistoryBatch b = h.read(1, new HistoryBatch());
        assertEquals(2, b.size());
        assertEquals(1001, b.time(0));
        assertEquals(2f, b.cpu(1));
        assertEquals(12f, b.mem(1));
        assertEquals(3, b.next());
        assertFalse(b.gap());
    }

    @Test
    void overwrittenPointsAreReportedAsAGap() {
        MetricHistory h = new MetricHistory(3);
        for (int i = 0; i < 10; i++) {
            h.append(i, i, i);
        }
        HistoryBatch b = h.read(2, new HistoryBatch());
        assertTrue(b.gap());
        assertEquals(3, b.size());
        assertEquals(7, b.time(0));
        assertEquals(10, b.next());
    }

    @Test
    void aCursorAheadOfTheWriterRestartsFromTheOldestPoint() {
        MetricHistory h = new MetricHistory(3);
        h.append(1, 1, 1);
        HistoryBatch b = h.read(42, new HistoryBatch());
        assertTrue(b.gap());
        assertEquals(1, b.size());
        assertEquals(1, b.next());
    }

    @Test
    void aCaughtUpReaderGetsNothing() {
        MetricHistory h = new MetricHistory(3);
        h.append(1, 1, 1);
        HistoryBatch b = h.read(1, new HistoryBatch());
        assertEquals(0, b.size());
        assertFalse(b.gap());
        assertEquals(1, b.next());
    }
}

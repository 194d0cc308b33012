package dev.dockstat.batch.run;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A stats job's container names are shell-style globs, matched whole. */
class StatsSelectionTest {

    @Test
    void namesAreGlobsMatchedWhole() {
        assertTrue(StatsCollection.glob("dst-run-*").matcher("dst-run-burn").matches());
        assertFalse(StatsCollection.glob("dst-run-?").matcher("dst-run-10").matches());
        assertTrue(StatsCollection.glob("a.b").matcher("a.b").matches());
        assertFalse(StatsCollection.glob("a.b").matcher("axb").matches(), "a dot is a dot, not any character");
    }
}

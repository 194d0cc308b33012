package dev.dockstat.cli.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SparklineTest {

    @Test
    void oneCpuIsAFullBlockAndZeroTheLowest() {
        assertEquals("▁▁▂▄▆██", Sparkline.of(new float[] {0, 12.5f, 13, 50, 75, 100, 180}, 7));
    }

    @Test
    void newestPointsOnTheRightPaddedOnTheLeft() {
        assertEquals("   ▁█", Sparkline.of(new float[] {0, 100}, 5));
        assertEquals("█▁", Sparkline.of(new float[] {0, 0, 100, 0}, 2));
        assertEquals("  ", Sparkline.of(new float[0], 2));
    }

    @Test
    void notANumberDrawsAsZero() {
        assertEquals("▁", Sparkline.of(new float[] {Float.NaN}, 1));
    }
}

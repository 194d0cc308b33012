package dev.dockstat.cli.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Figures read off docker stats on the test bed (docs/metrics-math.md). */
class DockerUnitsTest {

    @Test
    void memoryInBinaryUnitsWithFourDigits() {
        assertEquals("312KiB", DockerUnits.binary(312 * 1024));
        assertEquals("23.54GiB", DockerUnits.binary(25_275_240_448.0));
        assertEquals("1.496MiB", DockerUnits.binary(1_568_768));
        assertEquals("64MiB", DockerUnits.binary(67_108_864));
        assertEquals("1.672MiB", DockerUnits.binary(1_753_088));
        assertEquals("0B", DockerUnits.binary(0));
    }

    @Test
    void ioInDecimalUnitsWithThreeDigits() {
        assertEquals("0B", DockerUnits.decimal(0));
        assertEquals("1.5kB", DockerUnits.decimal(1500));
        assertEquals("12.3MB", DockerUnits.decimal(12_300_000));
        assertEquals("999B", DockerUnits.decimal(999));
    }

    @Test
    void percentWithTwoDecimals() {
        assertEquals("49.91%", DockerUnits.percent(49.9111));
        assertEquals("0.00%", DockerUnits.percent(0));
    }
}

package dev.dockstat.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FleetOptionsTest {

    @Test
    void readsEveryOptionInBothForms() {
        FleetOptions o = FleetOptions.parse("--engines", "100", "--containers=50", "--port-base", "24000", "--control", "23999",
                "--cpu", "12.5", "--churn", "30", "--latency-ms", "20", "--seed", "7", "--host-cpus", "8");
        assertEquals(new FleetOptions(100, 50, 24000, 23999, 12.5, 30, 20, 7, 8), o);
        assertEquals(FleetOptions.defaults(), FleetOptions.parse());
    }

    @Test
    void badInputIsOneLineNamingTheOption() {
        assertEquals("--engines: not a number: x",
                assertThrows(IllegalArgumentException.class, () -> FleetOptions.parse("--engines", "x")).getMessage());
        assertEquals("unknown option --bogus",
                assertThrows(IllegalArgumentException.class, () -> FleetOptions.parse("--bogus", "1")).getMessage());
        assertEquals("--control 24001 is one of the engines' ports",
                assertThrows(IllegalArgumentException.class, () -> FleetOptions.parse("--engines", "5", "--control", "24001")).getMessage());
        assertEquals("--port-base 65500 with --engines 100 passes port 65535",
                assertThrows(IllegalArgumentException.class, () -> FleetOptions.parse("--engines", "100", "--port-base", "65500")).getMessage());
        assertEquals("--cpu: needs a value", assertThrows(IllegalArgumentException.class, () -> FleetOptions.parse("--cpu")).getMessage());
    }
}

package dev.dockstat.cli.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected strings are what Go's fmt prints for the same values. */
class GoFloatTest {

    @ParameterizedTest
    @CsvSource({"64,4,64", "1.496,4,1.496", "1.49609375,4,1.496", "23.5400390625,4,23.54", "312,4,312",
        "1023.96,4,1024", "999.5,3,1e+03", "12.3,3,12.3", "1.5,3,1.5", "0.000012345,3,1.23e-05", "100,3,100",
        "0.5,4,0.5", "1234.5,4,1234"})
    void general(double v, int precision, String go) {
        assertEquals(go, GoFloat.general(v, precision));
    }

    @ParameterizedTest
    @CsvSource({"49.555,2,49.55", "0.125,2,0.12", "0.375,2,0.38", "0,2,0.00", "2.6123,2,2.61", "100,2,100.00"})
    void fixedRoundsTheExactBinaryValueHalfEven(double v, int decimals, String go) {
        assertEquals(go, GoFloat.fixed(v, decimals));
    }
}

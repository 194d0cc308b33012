package dev.dockstat.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ApiVersionTest {

    @Test
    void negotiatesDownToWhatDockstatKnows() {
        assertEquals(ApiVersion.MAX, ApiVersion.negotiate(ApiVersion.parse("1.99")));
        assertEquals(new ApiVersion(1, 41), ApiVersion.negotiate(ApiVersion.parse("1.41")));
    }

    @Test
    void comparesNumerically() {
        assertEquals(-1, Integer.signum(ApiVersion.parse("1.9").compareTo(ApiVersion.parse("1.41"))));
    }

    @Test
    void rejectsGarbage() {
        assertThrows(IllegalArgumentException.class, () -> ApiVersion.parse("v1"));
    }

    @Test
    void eventTimestampsKeepNanoseconds() {
        assertEquals("1700000000.000000042", EventQuery.timestamp(1_700_000_000_000_000_042L));
    }

    @Test
    void eventFiltersAreEncodedJson() {
        assertEquals("?since=5&filters=%7B%22type%22%3A%5B%22container%22%5D%7D",
                EventQuery.containers().since("5").toQueryString());
    }
}

package dev.dockstat.cli.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventFiltersTest {

    @Test
    void repeatedKeysCollectTheirValuesKeysAreLowerCased() {
        assertEquals(Map.of("container", List.of("web", "db"), "type", List.of("container"), "label", List.of("a=b")),
                EventFilters.parse(List.of("container=web", "Type = container", "container=db", "label=a=b")));
    }

    @Test
    void aFilterWithoutEqualsOrAnUnknownKeyIsRefused() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> EventFilters.parse(List.of("container")))
                .getMessage().startsWith("bad format of filter (expected name=value)"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> EventFilters.parse(List.of("colour=red")))
                .getMessage().startsWith("invalid filter 'colour'"));
    }
}

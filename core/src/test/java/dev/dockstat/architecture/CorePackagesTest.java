package dev.dockstat.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockstat.core.stats.StatsCalculator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Core's packages form layers (model and spi at the bottom, the shared loop parts and the ring
 * buffer below stats, engine at the top): a package that imports one that imports it back can no
 * longer be understood, tested or moved alone. Read from the compiled main classes.
 */
class CorePackagesTest {

    private static final String CORE = "dev.dockstat.core.";
    private static final PackageGraph MAIN = PackageGraph.of(StatsCalculator.class);

    @Test
    void corePackagesImportEachOtherWithoutLoops() {
        PackageGraph core = MAIN.within("dev.dockstat.core");
        assertEquals(List.of(), core.cycles(), () -> "package loops in core; its graph is\n" + core.listing(CORE));
    }

    @Test
    void coreNamesNoPluginOrFrontEnd() {
        Set<String> outside = MAIN.referenced().stream().filter(p -> !p.startsWith("dev.dockstat.core")).collect(
                Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(), outside, "core's main code names classes of other modules");
    }

    @Test
    void theCheckSeesALoop() {
        PackageGraph looped = new PackageGraph(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a")));
        assertEquals(List.of(Set.of("a", "b", "c")), looped.cycles());
        assertTrue(MAIN.edges().get("dev.dockstat.core.stats").contains("dev.dockstat.core.history"),
                "the class files were read: stats keeps its histories in the ring buffer");
    }
}

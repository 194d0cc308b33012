package dev.dockstat.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockstat.core.spi.TransportDecorator;
import dev.dockstat.core.spi.TransportProvider;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each plugin stands on core alone: a plugin that imports another would break when the other is
 * left off the class path, and the SPI would no longer be the only contract. The plugins are the
 * code roots ServiceLoader finds providers and decorators in, as the product finds them.
 */
class PluginIsolationTest {

    @Test
    void noPluginImportsAnother() {
        Map<Path, PackageGraph> plugins = new LinkedHashMap<>();
        Stream.concat(ServiceLoader.load(TransportProvider.class).stream().map(ServiceLoader.Provider::type),
                        ServiceLoader.load(TransportDecorator.class).stream().map(ServiceLoader.Provider::type))
                .map(PackageGraph::root)
                .forEach(root -> plugins.computeIfAbsent(root, PackageGraph::read));
        assertTrue(plugins.size() >= 4, "the four shipped plugins are on the class path: " + plugins.keySet());

        Map<String, Set<String>> crossings = new TreeMap<>();
        plugins.forEach((root, graph) -> plugins.forEach((otherRoot, other) -> {
            if (!root.equals(otherRoot)) {
                Set<String> named = new TreeSet<>(graph.referenced());
                named.retainAll(other.edges().keySet());
                if (!named.isEmpty()) {
                    crossings.put(root.getFileName() + " -> " + otherRoot.getFileName(), named);
                }
            }
        }));
        assertEquals(Map.of(), crossings, "plugins importing other plugins' packages");
    }
}

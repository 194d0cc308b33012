package dev.dockstat.transport.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockstat.core.spi.TransportDecorator;
import dev.dockstat.core.spi.TransportProvider;
import dev.dockstat.core.transport.TransportRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Checks a plugin's {@code META-INF/services} file, the one thing that makes dockstat find it: the
 * file in the plugin's own module lists exactly the plugin, and {@link TransportRegistry} (the only
 * class that asks ServiceLoader) then knows it.
 */
public final class ServiceFiles {

    private ServiceFiles() {}

    public static void assertRegistered(TransportProvider provider) {
        assertListed(TransportProvider.class, provider.getClass());
        assertTrue(TransportRegistry.load(provider.getClass().getClassLoader()).providerNames().contains(provider.name()),
                "the registry finds provider " + provider.name());
    }

    public static void assertRegistered(TransportDecorator decorator) {
        assertListed(TransportDecorator.class, decorator.getClass());
        assertTrue(TransportRegistry.load(decorator.getClass().getClassLoader()).decoratorNames().contains(decorator.name()),
                "the registry finds decorator " + decorator.name());
    }

    private static void assertListed(Class<?> service, Class<?> implementation) {
        String file = "META-INF/services/" + service.getName();
        String module = implementation.getProtectionDomain().getCodeSource().getLocation().toString();
        List<String> entries = null;
        try {
            for (URL url : Collections.list(implementation.getClassLoader().getResources(file))) {
                if (url.toString().contains(module)) {
                    entries = read(url);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertTrue(entries != null, file + " is missing from " + module);
        assertEquals(List.of(implementation.getName()), entries, file + " of " + module);
    }

    private static List<String> read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                    .map(line -> line.replaceAll("#.*", "").strip())
                    .filter(line -> !line.isEmpty())
                    .toList();
        }
    }
}

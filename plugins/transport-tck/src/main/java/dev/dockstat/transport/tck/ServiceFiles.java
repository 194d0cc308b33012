package dev.dockstat.transport.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.ServiceLoader;

/** Checks a plugin's {@code META-INF/services} file: the one thing that makes dockstat find it. */
public final class ServiceFiles {

    private ServiceFiles() {}

    /**
     * Asserts that the module holding {@code implementation} lists exactly it for {@code service},
     * and that {@link ServiceLoader} then finds it.
     */
    public static <S> void assertRegistered(Class<S> service, Class<? extends S> implementation) {
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
        assertTrue(ServiceLoader.load(service, implementation.getClassLoader()).stream().anyMatch(p -> p.type() == implementation),
                "ServiceLoader finds " + implementation.getName());
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

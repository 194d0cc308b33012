package dev.dockstat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockstat.core.api.ApiVersion;
import dev.dockstat.core.api.DockerClient;
import dev.dockstat.core.spi.Endpoint;
import dev.dockstat.core.spi.TransportConfigException;
import dev.dockstat.core.spi.UnknownSchemeException;
import dev.dockstat.core.spi.TransportProvider;
import dev.dockstat.core.transport.TransportRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugins dockstat ships are found by ServiceLoader alone, and so is a third party's: a
 * provider for a made-up {@code fake://} scheme is compiled here, packed into a jar with its
 * {@code META-INF/services} entry, and loaded without any change to core or cli.
 */
class PluginDiscoveryTest {

    private static final String FAKE_PROVIDER = """
            package com.example.fake;

            import dev.dockstat.core.spi.*;
            import java.io.ByteArrayInputStream;
            import java.io.InputStream;
            import java.util.List;
            import java.util.Optional;

            /** Answers every request itself, like an engine speaking API 1.43. */
            public final class FakeSchemeProvider implements TransportProvider {
                public String name() { return "fake"; }
                public List<String> schemes() { return List.of("fake"); }
                public String refusal(Endpoint e) { return "fake".equals(e.scheme()) ? null : "serves fake:// only"; }
                public Transport create(Endpoint e) {
                    return new Transport() {
                        public TransportResponse execute(TransportRequest r) {
                            return new TransportResponse() {
                                public int status() { return 200; }
                                public Optional<String> header(String n) { return "API-Version".equalsIgnoreCase(n) ? Optional.of("1.43") : Optional.empty(); }
                                public InputStream body() { return new ByteArrayInputStream("OK".getBytes()); }
                                public void close() { }
                            };
                        }
                        public void close() { }
                    };
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void theShippedPluginsAreFound() {
        TransportRegistry registry = TransportRegistry.load();
        assertEquals(Set.of("unix", "tcp", "tls", "ssh"), Set.copyOf(registry.providerNames()));
        assertEquals(List.of("hawser-token"), registry.decoratorNames());
        assertEquals(List.of("http", "https", "ssh", "tcp", "unix"), registry.schemes());
    }

    @Test
    void anAddressNoPluginServesNamesTheSchemesServed() {
        var e = assertThrows(UnknownSchemeException.class, () -> TransportRegistry.load().open(Endpoint.of("nope://user@host")));
        assertTrue(e.getMessage().startsWith("unknown scheme 'nope'; available schemes: "), e.getMessage());
        List<String> named = List.of(e.getMessage().substring(e.getMessage().indexOf(": ") + 2).split(", "));
        assertTrue(named.containsAll(List.of("http", "https", "tcp", "unix")), e.getMessage());
    }

    /** As the user sees it: one line naming the schemes, exit 2 (an engine choice that cannot be honoured). */
    @Test
    void anUnknownSchemeIsAUsageError() {
        for (var args : List.of(new String[] {"df"}, new String[] {"stats", "--no-stream"}, new String[] {"events", "--until", "0s"},
                new String[] {"-H", "nope://user@host", "df"})) {
            var env = new java.util.HashMap<>(InProcess.cleanEnv(dir));
            env.put("DOCKER_HOST", "nope://user@host");
            InProcess r = InProcess.run(env, args);
            assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().startsWith("Error: nope://user@host: unknown scheme 'nope'; available schemes: "), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
        }
    }

    @Test
    void aThirdPartyJarAddsAMadeUpScheme() throws Exception {
        Path jar = compileIntoJar();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
            TransportRegistry registry = TransportRegistry.load(loader);
            assertTrue(registry.providerNames().contains("fake"), registry.providerNames().toString());
            assertEquals(List.of("fake", "http", "https", "ssh", "tcp", "unix"), registry.schemes());
            Endpoint fake = Endpoint.of("fake://anywhere");
            try (DockerClient client = new DockerClient(fake, registry.open(fake))) {
                assertEquals(new ApiVersion(1, 43), client.ping(DockerClient.PING_TIMEOUT));
            }
        }
        var e = assertThrows(TransportConfigException.class, () -> TransportRegistry.load().open(Endpoint.of("fake://anywhere")));
        assertTrue(e.getMessage().startsWith("unknown scheme 'fake'; available schemes: "), "without the jar, fake:// is unknown: " + e.getMessage());
    }

    private Path compileIntoJar() throws IOException {
        Path src = dir.resolve("src/com/example/fake/FakeSchemeProvider.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, FAKE_PROVIDER);
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String spi = Path.of(TransportProvider.class.getProtectionDomain().getCodeSource().getLocation().getPath()).toString();
        int status = javac.run(null, null, null, "--release", "21", "-proc:none", "-cp", spi, "-d", classes.toString(), src.toString());
        assertEquals(0, status, "javac");
        Path jar = dir.resolve("fake-transport.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                add(out, classes.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
            }
            add(out, "META-INF/services/" + TransportProvider.class.getName(),
                    "com.example.fake.FakeSchemeProvider\n".getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }

    private static void add(JarOutputStream jar, String name, byte[] bytes) throws IOException {
        jar.putNextEntry(new JarEntry(name));
        OutputStream out = jar;
        out.write(bytes);
        jar.closeEntry();
    }
}

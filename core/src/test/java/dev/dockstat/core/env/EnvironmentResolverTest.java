package dev.dockstat.core.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockstat.core.spi.TlsMaterial;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The docker CLI's precedence, on a home directory and process environment made up per test. */
class EnvironmentResolverTest {

    @TempDir
    Path home;

    private final Map<String, String> env = new HashMap<>();
    /** The engine sockets that "exist" for the resolver: none unless a test puts some here. */
    private final java.util.Set<Path> sockets = new java.util.HashSet<>();

    @BeforeEach
    void dockerConfig() throws IOException {
        Files.createDirectories(home.resolve(".docker"));
    }

    private Environment resolve(EnvironmentSelection selection) throws EnvironmentException {
        List<Environment> all = new EnvironmentResolver(env, home, sockets::contains).resolve(selection);
        assertEquals(1, all.size(), all.toString());
        return all.getFirst();
    }

    private Environment resolve() throws EnvironmentException {
        return resolve(EnvironmentSelection.DEFAULT);
    }

    private static EnvironmentSelection context(String name) {
        return new EnvironmentSelection(List.of(), name, List.of(), null);
    }

    /** A context as {@code docker context create NAME --docker host=HOST[,ca=,cert=,key=]} leaves it. */
    private void createContext(Path configDir, String name, String host, boolean tlsFiles, boolean skipVerify) throws IOException {
        String id = DockerContexts.sha256(name);
        Path meta = configDir.resolve("contexts/meta").resolve(id);
        Files.createDirectories(meta);
        Files.writeString(meta.resolve("meta.json"), "{\"Name\":\"" + name + "\",\"Metadata\":{},\"Endpoints\":{\"docker\":{\"Host\":\""
                + host + "\",\"SkipTLSVerify\":" + skipVerify + "}}}");
        if (tlsFiles) {
            Path tls = configDir.resolve("contexts/tls").resolve(id).resolve("docker");
            Files.createDirectories(tls);
            Files.writeString(tls.resolve("ca.pem"), "CA of " + name);
            Files.writeString(tls.resolve("cert.pem"), "CERT of " + name);
            Files.writeString(tls.resolve("key.pem"), "KEY of " + name);
        }
    }

    private void currentContext(String name) throws IOException {
        Files.writeString(home.resolve(".docker/config.json"), "{\"auths\":{},\"currentContext\":\"" + name + "\"}");
    }

    @Test
    void nothingSetIsTheDefaultSocket() throws Exception {
        Environment e = resolve();
        assertEquals("default", e.name());
        assertEquals("unix:///var/run/docker.sock", e.endpoint().display());
    }

    @Test
    void withoutDockersSocketPodmansRootfulThenRootlessSocketIsUsed() throws Exception {
        env.put("XDG_RUNTIME_DIR", "/run/user/1000");
        sockets.add(Path.of("/run/user/1000/podman/podman.sock"));
        assertEquals("unix:///run/user/1000/podman/podman.sock", resolve().endpoint().display());
        sockets.add(Path.of("/run/podman/podman.sock"));
        assertEquals("unix:///run/podman/podman.sock", resolve().endpoint().display());
        sockets.add(Path.of("/var/run/docker.sock"));
        Environment docker = resolve();
        assertEquals("default", docker.name());
        assertEquals("unix:///var/run/docker.sock", docker.endpoint().display());
    }

    @Test
    void containerHostComesAfterDockersSettingsAndBeforeAnySocket() throws Exception {
        sockets.add(Path.of("/var/run/docker.sock"));
        env.put("CONTAINER_HOST", "unix:///srv/podman.sock");
        assertEquals("unix:///srv/podman.sock", resolve().endpoint().display());
        createContext(home.resolve(".docker"), "ctx", "tcp://ctx.example.com:2376", false, false);
        currentContext("ctx");
        assertEquals("ctx", resolve().name());
        env.put("DOCKER_HOST", "tcp://host.example.com:2375");
        assertEquals("tcp://host.example.com:2375", resolve().endpoint().display());
    }

    @Test
    void hostFlagBeatsDockerHostWhichBeatsContexts() throws Exception {
        createContext(home.resolve(".docker"), "ctx", "tcp://ctx.example.com:2376", false, false);
        currentContext("ctx");
        env.put("DOCKER_CONTEXT", "ctx");
        env.put("DOCKER_HOST", "tcp://127.0.0.1:2375");
        assertEquals("tcp://127.0.0.1:2375", resolve().endpoint().display());
        assertEquals("unix:///run/other.sock", resolve(EnvironmentSelection.host("/run/other.sock")).endpoint().display());
    }

    @Test
    void contextFlagBeatsDockerHostAsInTheDockerCli() throws Exception {
        createContext(home.resolve(".docker"), "ctx", "tcp://127.0.0.1:2376", false, false);
        env.put("DOCKER_HOST", "tcp://127.0.0.1:2375");
        Environment e = resolve(context("ctx"));
        assertEquals("ctx", e.name());
        assertEquals("tcp://127.0.0.1:2376", e.endpoint().display());
    }

    @Test
    void hostAndContextTogetherIsAnError() {
        var e = assertThrows(EnvironmentException.class, () -> resolve(new EnvironmentSelection(List.of("tcp://h:1"), "ctx", List.of(), null)));
        assertEquals("conflicting options: cannot specify both --host and --context", e.getMessage());
    }

    @Test
    void dockerContextBeatsTheCurrentContext() throws Exception {
        createContext(home.resolve(".docker"), "one", "tcp://127.0.0.1:1001", false, false);
        createContext(home.resolve(".docker"), "two", "tcp://127.0.0.1:1002", false, false);
        currentContext("one");
        assertEquals("one", resolve().name());
        env.put("DOCKER_CONTEXT", "two");
        assertEquals("two", resolve().name());
    }

    @Test
    void aContextsTlsFilesAndSkipVerifyAreHonoured() throws Exception {
        createContext(home.resolve(".docker"), "secure", "tcp://127.0.0.1:2376", true, false);
        createContext(home.resolve(".docker"), "lax", "tcp://127.0.0.1:2376", false, true);
        createContext(home.resolve(".docker"), "plain", "tcp://127.0.0.1:2375", false, false);
        TlsMaterial secure = resolve(context("secure")).endpoint().tls().orElseThrow();
        assertEquals("CA of secure", secure.caPem().orElseThrow());
        assertEquals("KEY of secure", secure.keyPem().orElseThrow().reveal());
        assertFalse(secure.skipVerify());
        assertTrue(resolve(context("lax")).endpoint().tls().orElseThrow().skipVerify());
        assertTrue(resolve(context("plain")).endpoint().tls().isEmpty());
    }

    @Test
    void dockerConfigMovesTheContextStore() throws Exception {
        Path elsewhere = home.resolve("elsewhere");
        createContext(elsewhere, "moved", "tcp://127.0.0.1:2376", false, false);
        env.put("DOCKER_CONFIG", elsewhere.toString());
        assertEquals("tcp://127.0.0.1:2376", resolve(context("moved")).endpoint().display());
    }

    @Test
    void theDefaultContextIsDockerHostOrTheSocket() throws Exception {
        assertEquals("unix:///var/run/docker.sock", resolve(context("default")).endpoint().display());
        env.put("DOCKER_HOST", "tcp://127.0.0.1:2375");
        assertEquals("tcp://127.0.0.1:2375", resolve(context("default")).endpoint().display());
    }

    @Test
    void anUnknownContextIsAnError() {
        var e = assertThrows(EnvironmentException.class, () -> resolve(context("nope")));
        assertTrue(e.getMessage().startsWith("context \"nope\" does not exist"), e.getMessage());
    }

    @Test
    void dockerTlsVariablesReadTheCertPath() throws Exception {
        Path certs = home.resolve("certs");
        Files.createDirectories(certs);
        Files.writeString(certs.resolve("ca.pem"), "CA");
        Files.writeString(certs.resolve("cert.pem"), "CERT");
        Files.writeString(certs.resolve("key.pem"), "KEY");
        env.put("DOCKER_HOST", "tcp://127.0.0.1:2376");
        env.put("DOCKER_TLS_VERIFY", "1");
        env.put("DOCKER_CERT_PATH", certs.toString());
        TlsMaterial tls = resolve().endpoint().tls().orElseThrow();
        assertEquals("CA", tls.caPem().orElseThrow());
        assertEquals("CERT", tls.certPem().orElseThrow());
        assertEquals("KEY", tls.keyPem().orElseThrow().reveal());
        assertFalse(tls.skipVerify());
    }

    @Test
    void dockerTlsWithoutVerifySkipsVerificationAndTheCertPathDefaultsToTheConfigDir() throws Exception {
        Files.writeString(home.resolve(".docker/ca.pem"), "HOME CA");
        env.put("DOCKER_TLS", "1");
        TlsMaterial tls = resolve(EnvironmentSelection.host("tcp://127.0.0.1:2376")).endpoint().tls().orElseThrow();
        assertTrue(tls.skipVerify());
        assertEquals("HOME CA", tls.caPem().orElseThrow());
        assertTrue(tls.certPem().isEmpty(), "missing files are left out, as docker does");
    }

    @Test
    void tlsVariablesDoNotApplyToUnixSockets() throws Exception {
        env.put("DOCKER_TLS_VERIFY", "1");
        assertTrue(resolve().endpoint().tls().isEmpty());
    }

    @Test
    void severalHostsAndEnvironmentsKeepTheirOrder() throws Exception {
        Path file = home.resolve("envs.yaml");
        Files.writeString(file, "environments:\n  a: {host: tcp://127.0.0.1:1}\n  b: {host: tcp://127.0.0.1:2}\n");
        var selection = new EnvironmentSelection(List.of("tcp://127.0.0.1:9"), null, List.of("b", "a"), file);
        List<String> names = new EnvironmentResolver(env, home).resolve(selection).stream().map(Environment::name).toList();
        assertEquals(List.of("tcp://127.0.0.1:9", "b", "a"), names);
    }

    @Test
    void theEnvironmentsFileIsFlagThenVariableThenDefault() {
        var resolver = new EnvironmentResolver(Map.of("DOCKSTAT_CONFIG", "/etc/dockstat.yaml"), home);
        assertEquals(Path.of("/etc/dockstat.yaml"), resolver.configFile(EnvironmentSelection.DEFAULT));
        assertEquals(Path.of("/x.yaml"), resolver.configFile(new EnvironmentSelection(List.of(), null, List.of(), Path.of("/x.yaml"))));
        assertEquals(home.resolve(".config/dockstat/environments.yaml"),
                new EnvironmentResolver(Map.of(), home).configFile(EnvironmentSelection.DEFAULT));
    }

    @Test
    void theDefaultFileFollowsXdgConfigHome() {
        assertEquals(Path.of("/xdg/dockstat/environments.yaml"),
                new EnvironmentResolver(Map.of("XDG_CONFIG_HOME", "/xdg"), home).configFile(EnvironmentSelection.DEFAULT));
        assertEquals(Path.of("/etc/dockstat.yaml"), new EnvironmentResolver(Map.of("XDG_CONFIG_HOME", "/xdg", "DOCKSTAT_CONFIG",
                "/etc/dockstat.yaml"), home).configFile(EnvironmentSelection.DEFAULT), "the variable naming the file still wins");
        for (String ignored : List.of("", "  ", "relative/dir")) {
            assertEquals(home.resolve(".config/dockstat/environments.yaml"),
                    new EnvironmentResolver(Map.of("XDG_CONFIG_HOME", ignored), home).configFile(EnvironmentSelection.DEFAULT),
                    "'" + ignored + "' is not a usable XDG_CONFIG_HOME");
        }
    }

    @Test
    void namedEnvironmentsAreReadFromXdgConfigHome() throws Exception {
        Path xdg = home.resolve("xdg");
        Files.createDirectories(xdg.resolve("dockstat"));
        Files.writeString(xdg.resolve("dockstat/environments.yaml"), "environments:\n  lab: {host: tcp://127.0.0.1:7}\n");
        var selection = new EnvironmentSelection(List.of(), null, List.of("lab"), null);
        List<Environment> found = new EnvironmentResolver(Map.of("XDG_CONFIG_HOME", xdg.toString()), home).resolve(selection);
        assertEquals(List.of("lab"), found.stream().map(Environment::name).toList());
        assertEquals("tcp://127.0.0.1:7", found.getFirst().endpoint().display());
    }

    @Test
    void aBadAddressIsAnError() {
        var e = assertThrows(EnvironmentException.class, () -> resolve(EnvironmentSelection.host("tcp://a b")));
        assertEquals("not an engine address: tcp://a b (expected unix:///PATH or tcp://HOST:PORT)", e.getMessage());
    }
}

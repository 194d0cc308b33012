package dev.dockstat.core.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockstat.core.spi.TlsMaterial;
import dev.dockstat.core.yaml.Suggestions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentsFileTest {

    @TempDir
    Path dir;

    private Path file;

    @BeforeEach
    void place() {
        file = dir.resolve("environments.yaml");
    }

    private EnvironmentsFile read(String yaml, Map<String, String> env) throws Exception {
        Files.writeString(file, yaml);
        return EnvironmentsFile.read(file, env, dir.resolve("home"));
    }

    private String error(String yaml) {
        return assertThrows(EnvironmentException.class, () -> read(yaml, Map.of())).getMessage();
    }

    private void write(String relative, String text) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    @Test
    void aFullEntry() throws Exception {
        write("prod/ca.pem", "CA TEXT");
        write("prod/cert.pem", "CERT TEXT");
        write("home/keys/prod.pem", "KEY TEXT");
        EnvironmentsFile envs = read("""
                environments:
                  prod:
                    host: tcp://prod.example.com:2376
                    tls:
                      ca: prod/ca.pem
                      cert: prod/cert.pem
                      key: {file: ~/keys/prod.pem}
                      serverName: prod.internal
                    token: {env: PROD_TOKEN}
                    statsConcurrency: 32
                  local:
                    host: /var/run/docker.sock
                """, Map.of("PROD_TOKEN", "tok-9f3e\n"));
        assertEquals(List.of("prod", "local"), envs.names());
        Environment prod = envs.environment("prod");
        TlsMaterial tls = prod.endpoint().tls().orElseThrow();
        assertEquals("CA TEXT", tls.caPem().orElseThrow());
        assertEquals("CERT TEXT", tls.certPem().orElseThrow());
        assertEquals("KEY TEXT", tls.keyPem().orElseThrow().reveal());
        assertEquals("prod.internal", tls.serverName().orElseThrow());
        assertFalse(tls.skipVerify());
        assertEquals("tok-9f3e", prod.endpoint().token().orElseThrow().reveal());
        assertEquals("environment variable PROD_TOKEN", prod.endpoint().token().orElseThrow().origin());
        assertEquals(32, prod.endpoint().pools().fanout());
        assertEquals("unix:///var/run/docker.sock", envs.environment("local").endpoint().display());
        assertFalse(prod.toString().contains("tok-9f3e") || prod.toString().contains("KEY TEXT"), prod.toString());
    }

    @Test
    void aLiteralTokenIsRefusedWithItsPlaceAndNotQuoted() {
        String message = error("environments:\n  edge:\n    host: tcp://h:2377\n    token: s3cret-literal\n");
        assertEquals(file + ":4:12: token: a literal token is not allowed here: use {env: VAR} or {file: PATH}", message);
        assertFalse(message.contains("s3cret-literal"));
    }

    @Test
    void theMetricsSectionGivesServeMetricsItsAuthAndTls() throws Exception {
        Files.writeString(dir.resolve("m-cert.pem"), "CERT TEXT");
        Files.writeString(dir.resolve("m-key.pem"), "KEY TEXT");
        EnvironmentsFile envs = read("""
                environments:
                  local: {host: /var/run/docker.sock}
                metrics:
                  basicAuth: {user: prometheus, password: {env: METRICS_PW}}
                  tls: {cert: m-cert.pem, key: {file: m-key.pem}}
                """, Map.of("METRICS_PW", "pw-7c1d\n"));
        MetricsEndpointSettings m = envs.metricsEndpoint();
        assertEquals("prometheus", m.user().orElseThrow());
        assertEquals("pw-7c1d", m.password().orElseThrow().reveal());
        assertEquals("CERT TEXT", m.certificatePem().orElseThrow());
        assertEquals("KEY TEXT", m.keyPem().orElseThrow().reveal());
        assertFalse(m.toString().contains("pw-7c1d") || m.toString().contains("KEY TEXT"), m.toString());
        assertEquals(MetricsEndpointSettings.NONE, read("environments: {}\n", Map.of()).metricsEndpoint());
    }

    @Test
    void aMetricsSectionWithALiteralPasswordOrHalfATlsPairIsRefusedWhereItIsWritten() {
        String literal = error("environments: {}\nmetrics:\n  basicAuth: {user: p, password: hunter2}\n");
        assertEquals(file + ":3:34: password: a literal secret is not allowed here: use {env: VAR} or {file: PATH}", literal);
        assertFalse(literal.contains("hunter2"));
        assertEquals(file + ":3:8: tls: needs both cert and key", error("environments: {}\nmetrics:\n  tls: {cert: c.pem}\n"));
        assertEquals(file + ":3:3: unknown key 'basicauth' (did you mean 'basicAuth'?)", error("environments: {}\nmetrics:\n  basicauth: {}\n"));
    }

    @Test
    void aLiteralKeyIsRefused() {
        String message = error("environments:\n  e:\n    host: tcp://h:1\n    tls:\n      key: |\n        -----BEGIN RSA PRIVATE KEY-----\n        MIIE\n");
        assertTrue(message.startsWith(file + ":5:12: key: a private key must not be written in this file"), message);
        assertFalse(message.contains("MIIE"));
    }

    @Test
    void unknownKeysSuggestTheClosestOne() {
        assertEquals(file + ":1:1: unknown key 'enviroments' (did you mean 'environments'?)\n"
                + file + ":1:1: no 'environments' mapping", error("enviroments: {}\n"));
        String noHost = "\n" + file + ":2:3: environment 'a' has no host";
        assertEquals(file + ":3:5: unknown key 'hots' (did you mean 'host'?)" + noHost, error("environments:\n  a:\n    hots: tcp://h:1\n"));
        assertEquals(file + ":5:7: unknown key 'skipverify' (did you mean 'skipVerify'?)",
                error("environments:\n  a:\n    host: tcp://h:1\n    tls:\n      skipverify: true\n"));
        assertEquals(file + ":3:5: unknown key 'colour' (expected one of: host, tls, token, statsConcurrency)" + noHost,
                error("environments:\n  a:\n    colour: red\n"));
        assertEquals(file + ":4:13: unknown key 'envv' (did you mean 'env'?)",
                error("environments:\n  a:\n    host: tcp://h:1\n    token: {envv: X}\n"));
    }

    @Test
    void everyMistakeInTheFileIsReportedOneLineEachInTheOrderFound() {
        String message = error("""
                environments:
                  a:
                    hots: tcp://h:1
                    statsConcurrency: 0
                  b:
                    host: tcp://h:2
                    token: s3cret-literal
                    tls: {skipVerify: maybe}
                metrics:
                  tls: {cert: c.pem}
                """);
        assertEquals(List.of(
                file + ":3:5: unknown key 'hots' (did you mean 'host'?)",
                file + ":2:3: environment 'a' has no host",
                file + ":4:23: statsConcurrency: expected a whole number from 1 to 4096, found a number",
                file + ":8:23: skipVerify: expected true or false, found text",
                file + ":7:12: token: a literal token is not allowed here: use {env: VAR} or {file: PATH}",
                file + ":10:8: tls: needs both cert and key"), message.lines().toList());
        assertFalse(message.contains("s3cret-literal") || message.contains("maybe"), message);
    }

    @Test
    void anUnknownEnvironmentSuggestsTheClosestName() throws Exception {
        EnvironmentsFile envs = read("environments:\n  prod: {host: tcp://h:1}\n  staging: {host: tcp://h:2}\n", Map.of());
        var e = assertThrows(EnvironmentException.class, () -> envs.environment("prdo"));
        assertEquals(file + ": no environment 'prdo' (did you mean 'prod'? defined: prod, staging)", e.getMessage());
    }

    @Test
    void referencesThatCannotBeResolvedSayWhereTheyAre() throws Exception {
        EnvironmentsFile envs = read("environments:\n  a:\n    host: tcp://h:1\n    token: {env: NOT_SET}\n"
                + "  b:\n    host: tcp://h:1\n    tls: {ca: missing.pem}\n", Map.of());
        assertEquals(file + ":4:18: token: environment variable NOT_SET is not set",
                assertThrows(EnvironmentException.class, () -> envs.environment("a")).getMessage());
        assertEquals(file + ":7:15: CA certificate " + dir.resolve("missing.pem") + ": no such file",
                assertThrows(EnvironmentException.class, () -> envs.environment("b")).getMessage());
    }

    @Test
    void typesAndRangesAreChecked() {
        assertEquals(file + ":3:23: statsConcurrency: expected a whole number from 1 to 4096, found a number",
                error("environments:\n  a:\n    statsConcurrency: 0\n    host: tcp://h:1\n"));
        assertEquals(file + ":3:23: skipVerify: expected true or false, found text",
                error("environments:\n  a:\n    tls: {skipVerify: yes please}\n    host: tcp://h:1\n"));
        assertEquals(file + ":2:3: environment 'a' has no host", error("environments:\n  a: {tls: {}}\n"));
        assertEquals(file + ":2:13: host: not an engine address: tcp://a b (expected unix:///PATH or tcp://HOST:PORT)",
                error("environments:\n  a: {host: 'tcp://a b'}\n"));
        assertEquals(file + ":1:15: environments: expected a mapping, found a list", error("environments: [a, b]\n"));
    }

    @Test
    void yamlMistakesAndDuplicatesAreLocated() {
        assertEquals(file + ":2:22: not valid YAML: expected ',' or '}', but got <stream end> (while parsing a flow mapping)",
                error("environments:\n  a: {host: tcp://h:1\n"));
        assertEquals(file + ":3:3: duplicate key 'a'", error("environments:\n  a: {host: tcp://h:1}\n  a: {host: tcp://h:2}\n"));
    }

    @Test
    void aMissingFileSaysSo() {
        Path nowhere = dir.resolve("nope.yaml");
        var e = assertThrows(EnvironmentException.class, () -> EnvironmentsFile.read(nowhere, Map.of(), dir));
        assertEquals(nowhere + ": no such file (the environments file; see --config)", e.getMessage());
    }

    @Test
    void suggestionsAreCloseOrNothing() {
        assertEquals("host", Suggestions.closest("hots", List.of("host", "tls")).orElseThrow());
        assertTrue(Suggestions.closest("zebra", List.of("host", "tls")).isEmpty());
        assertEquals(3, Suggestions.distance("kitten", "sitting"));
    }
}

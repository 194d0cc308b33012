package dev.dockstat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockstat.testbed.TestBed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the user reads when an engine cannot be used, through {@code dockstat stats --no-stream}
 * against the real test bed: one line that names the environment and the cause, exit 1, no stack
 * trace, no secret. The environments come from an environments file written here.
 */
class ErrorTableIT {

    static final String CONTAINER = "dst-tr-cli-idle";
    static final String WRONG_TOKEN = "wrong-token-6b1f0c";

    @TempDir
    static Path dir;

    static Path config;
    static final List<String> captured = new ArrayList<>();

    @BeforeAll
    static void environments() throws Exception {
        TestBed bed = TestBed.get();
        TestBed.idle(CONTAINER);
        String pki = bed.pki().toString();
        config = dir.resolve("environments.yaml");
        Files.writeString(config, """
                environments:
                  mtls:          {host: tcp://127.0.0.1:2376, tls: {ca: PKI/ca.pem, cert: PKI/client-cert.pem, key: {file: PKI/client-key.pem}}}
                  hawser:        {host: tcp://127.0.0.1:2377, token: {file: PKI/token}}
                  plain:         {host: tcp://127.0.0.1:2375}
                  lax:           {host: tcp://127.0.0.1:2378, tls: {skipVerify: true}}
                  wrong-ca:      {host: tcp://127.0.0.1:2376, tls: {ca: PKI/other-ca.pem, cert: PKI/client-cert.pem, key: PKI/client-key.pem}}
                  no-client-cert: {host: tcp://127.0.0.1:2376, tls: {ca: PKI/ca.pem}}
                  rogue-client:  {host: tcp://127.0.0.1:2376, tls: {ca: PKI/ca.pem, cert: PKI/rogue-cert.pem, key: PKI/rogue-key.pem}}
                  expired:       {host: tcp://127.0.0.1:2378, tls: {ca: PKI/ca.pem}}
                  mismatched:    {host: tcp://127.0.0.1:2376, tls: {ca: PKI/ca.pem, cert: PKI/client-cert.pem, key: PKI/ec-key.pem}}
                  wrong-token:   {host: tcp://127.0.0.1:2377, token: {env: DST_TR_WRONG_TOKEN}}
                  nothing-there: {host: tcp://127.0.0.1:1}
                """.replace("PKI", pki));
    }

    @AfterAll
    static void cleanup() throws Exception {
        TestBed.remove(CONTAINER);
        noSecretIn(String.join("\n", captured));
    }

    static InProcess dockstat(boolean debug, String... args) {
        Map<String, String> env = new HashMap<>(InProcess.cleanEnv(dir));
        env.put("DST_TR_WRONG_TOKEN", WRONG_TOKEN);
        if (debug) {
            env.put("DOCKSTAT_DEBUG", "1");
        }
        InProcess result = InProcess.run(env, args);
        captured.add(result.both());
        return result;
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("wrong-ca", "Cannot connect to the Docker engine at tcp://127.0.0.1:2376 (environment wrong-ca):"
                        + " TLS: server certificate not trusted"),
                Arguments.of("no-client-cert", "Cannot connect to the Docker engine at tcp://127.0.0.1:2376 (environment no-client-cert):"
                        + " TLS: the engine refused the client certificate (missing, or not signed by its CA; alert bad_certificate)"),
                Arguments.of("rogue-client", "Cannot connect to the Docker engine at tcp://127.0.0.1:2376 (environment rogue-client):"
                        + " TLS: the engine refused the client certificate (missing, or not signed by its CA; alert bad_certificate)"),
                Arguments.of("expired", "Cannot connect to the Docker engine at tcp://127.0.0.1:2378 (environment expired):"
                        + " TLS: server certificate expired"),
                Arguments.of("mismatched", "Error: tcp://127.0.0.1:2376 (environment mismatched): client certificate and client key"
                        + " do not match (the certificate holds an RSA key, the key file an EC key)"),
                Arguments.of("wrong-token", "Error: 401 from Hawser endpoint tcp://127.0.0.1:2377 (environment wrong-token): check the token"),
                Arguments.of("nothing-there", "Cannot connect to the Docker engine at tcp://127.0.0.1:1 (environment nothing-there):"
                        + " connection refused"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void oneLineNamingTheEnvironmentAndTheCause(String environment, String expected) {
        InProcess r = dockstat(false, "stats", "--no-stream", "--config", config.toString(), "--env", environment);
        assertEquals(1, r.code(), r.err());
        assertEquals(expected, r.err().strip());
        assertEquals("", r.out());
        System.out.println("[errors] " + environment + " -> " + r.err().strip());
    }

    @ParameterizedTest(name = "{0} with DOCKSTAT_DEBUG=1")
    @MethodSource("failures")
    void stackTracesOnlyOnRequestAndStillWithoutSecrets(String environment, String expected) {
        InProcess r = dockstat(true, "stats", "--no-stream", "--config", config.toString(), "--env", environment);
        assertEquals(1, r.code());
        // debug also says which stats source each engine got (before the engine is reached): those lines
        // come first, then the same one-line error as without debug, then its stack trace
        String afterDebugLines = r.err().lines().dropWhile(line -> line.startsWith("dockstat: debug: "))
                .collect(Collectors.joining("\n", "", "\n"));
        assertTrue(afterDebugLines.startsWith(expected + "\n"), r.err());
        assertTrue(afterDebugLines.contains("\tat "), "a stack trace follows");
    }

    @Test
    void nothingListeningViaHostFlag() {
        InProcess r = dockstat(false, "stats", "--no-stream", "-H", "tcp://127.0.0.1:1");
        assertEquals(1, r.code());
        assertEquals("Cannot connect to the Docker engine at tcp://127.0.0.1:1: connection refused", r.err().strip());
    }

    @Test
    void theSameStatsOverMtlsTokenProxyAndPlainTcp() {
        for (String environment : List.of("mtls", "hawser", "plain")) {
            InProcess r = dockstat(false, "stats", "--no-stream", "--format", "{{.Name}}", "--config", config.toString(),
                    "--env", environment, CONTAINER);
            assertEquals(0, r.code(), environment + ": " + r.err());
            assertEquals(CONTAINER, r.out().strip(), environment);
            assertEquals("", r.err(), environment);
        }
    }

    @Test
    void skipVerifyWorksAgainstTheExpiredCertificateAndWarnsOnce() {
        InProcess r = dockstat(false, "stats", "--no-stream", "--format", "{{.Name}}", "--config", config.toString(), "--env", "lax", CONTAINER);
        assertEquals(0, r.code(), r.err());
        assertEquals("Warning: TLS verification is off for tcp://127.0.0.1:2378 (skipVerify): the engine's certificate is not checked,"
                + " anyone in between can read and change the traffic", r.err().strip());
    }

    @Test
    void severalEnginesAreRefusedByACommandThatWatchesOne() {
        InProcess r = dockstat(false, "df", "--config", config.toString(), "--env", "mtls,plain");
        assertEquals(2, r.code());
        assertEquals("Error: this command takes one engine; 2 were given (mtls, plain)", r.err().strip());
    }

    @Test
    void statsWatchesSeveralEnvironmentsWithAnEnvColumn() {
        InProcess r = dockstat(false, "stats", "--no-stream", "--config", config.toString(), "--env", "mtls,plain");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("ENV "), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("mtls ")) || r.out().lines().count() == 1, r.out());
    }

    @Test
    void aMisspeltEnvironmentIsAUsageErrorWithASuggestion() {
        InProcess r = dockstat(false, "stats", "--no-stream", "--config", config.toString(), "--env", "mtsl");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("Error: " + config + ": no environment 'mtsl' (did you mean 'mtls'?"), r.err());
    }

    /** The token, the wrong token and every line of every private key must be absent from all output. */
    static void noSecretIn(String output) throws Exception {
        TestBed bed = TestBed.get();
        List<String> secrets = new ArrayList<>(List.of(bed.token(), WRONG_TOKEN));
        for (String key : List.of("client-key.pem", "client-key-pkcs8.pem", "rogue-key.pem", "ec-key.pem")) {
            bed.pem(key).lines().filter(l -> !l.startsWith("-----") && l.length() >= 16).forEach(secrets::add);
        }
        assertTrue(secrets.size() > 10, "the secrets to look for were read");
        for (String secret : secrets) {
            assertFalse(output.contains(secret), "a secret appears in the output");
        }
        assertFalse(output.contains("PRIVATE KEY"), "PEM key text appears in the output");
    }

    @Test
    void theSecretScanWouldNotice() {
        String leaked = "Error: something " + TestBed.get().token();
        org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, () -> noSecretIn(leaked));
    }
}

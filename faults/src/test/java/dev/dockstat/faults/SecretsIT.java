package dev.dockstat.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockstat.core.api.DockerClient;
import dev.dockstat.core.api.Json;
import dev.dockstat.core.spi.Endpoint;
import dev.dockstat.core.spi.Secret;
import dev.dockstat.core.spi.TlsMaterial;
import dev.dockstat.core.transport.TransportRegistry;
import dev.dockstat.ipc.InboundDecoder;
import dev.dockstat.testbed.TestBed;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Secrets never show: the token and the private keys of the test bed are used on every path that
 * carries them (the worker's configure, the CLI's environments file, core's endpoint), good and
 * bad, and then looked for in everything the fault suite captured, this class included. Runs last.
 * Also: TLS verification is on unless {@code skipVerify} says otherwise, which is said once.
 */
@Order(Integer.MAX_VALUE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecretsIT {

    private static final String NAME = "secrets";

    private static TestBed bed() {
        return TestBed.get();
    }

    private static String https(long envId, String host, int port, String ca, String cert, String key, boolean skipVerify,
            String name, String token) {
        ObjectNode m = Json.MAPPER.createObjectNode().put("type", "configure").put("envId", envId).put("name", name)
                .put("connectionType", token == null ? "direct" : "hawser-standard");
        if (token != null) {
            m.put("hawserToken", token);
        }
        ObjectNode c = m.putObject("config").put("type", "https").put("host", host).put("port", port).put("skipVerify", skipVerify);
        if (ca != null) {
            c.put("ca", ca);
        }
        if (cert != null) {
            c.put("cert", cert);
        }
        if (key != null) {
            c.put("key", key);
        }
        return m.toString();
    }

    @Test
    @Order(1)
    void theWorkerUsesSecretsWithoutShowingThem() throws Exception {
        TestBed bed = bed();
        AuxEngine aux = AuxEngine.get();
        String ca = bed.pem("ca.pem");
        String cert = bed.pem("client-cert.pem");
        String key = bed.pem("client-key.pem");
        String broken = key.replace(key.lines().toList().get(3), "!!!!" + key.lines().toList().get(3).substring(4));
        try (WorkerProcess worker = new WorkerProcess("secrets-worker", Map.of("SKIP_DF_COLLECTION", "true"))) {
            worker.send(WorkerProcess.hawser(1, aux.tokenHostPort(), aux.token()));
            worker.send(https(2, "127.0.0.1", 2376, ca, cert, key, false, "mtls", null));
            worker.send(https(3, "127.0.0.1", 2376, ca, cert, broken, false, "badkey", null));
            worker.send(WorkerProcess.hawser(4, aux.tokenHostPort(), aux.token() + "-wrong"));
            worker.send(https(5, "127.0.0.1", 2376, null, cert, key, true, "lab", null));
            worker.send(https(5, "127.0.0.1", 2376, null, cert, key, true, "lab-renamed", null)); // changed: replaced, same address
            worker.send("{\"type\":\"configure\",\"envId\":\"6\",\"hawserToken\":\"" + aux.token() + "\",\"config\":{\"key\":"
                    + Json.MAPPER.writeValueAsString(key) + "}}");
            worker.send("{\"type\":\"configure\",\"envId\":7,\"hawserToken\":\"" + aux.token() + "\",\"config\":{\"key\":"
                    + Json.MAPPER.writeValueAsString(key) + ",\"port\":1.5}}");
            worker.await("env 1 and 2 online, env 3 refused, env 4 offline", Duration.ofSeconds(30), () ->
                    online(worker, 1) && online(worker, 2) && online(worker, 5) && !worker.of("error", 3).isEmpty() && !worker.of("env_status", 4).isEmpty());
            assertTrue(worker.of("error", 3).getFirst().json().path("error").asText().startsWith("configure: "), worker.of("error", 3).toString());
            assertFalse(worker.of("env_status", 4).getFirst().json().path("online").asBoolean(), "a wrong token: offline");
            worker.send("{\"type\":\"shutdown\"}");
            assertEquals(0, worker.exitCode(Duration.ofSeconds(10)));
            long warnings = worker.err().stream().filter(l -> l.text().contains("TLS verification is off")).count();
            assertEquals(1, warnings, "skipVerify is said once, also when the environment is configured again:\n" + worker.errText());
            assertTrue(worker.errText().contains("[dockstat] TLS verification is off for tcp://127.0.0.1:2376 (skipVerify)"), worker.errText());
        }
    }

    private static boolean online(WorkerProcess worker, long envId) {
        return worker.statuses(envId).contains(true);
    }

    @Test
    @Order(2)
    void theCommandLineUsesSecretsWithoutShowingThem() throws Exception {
        TestBed bed = bed();
        Path pki = bed.pki();
        Path dir = Files.createTempDirectory("dst-fa-secrets");
        Path config = dir.resolve("environments.yaml");
        Files.writeString(config, """
                environments:
                  token:
                    host: tcp://%s
                    token: {env: DST_FA_TOKEN}
                  mtls:
                    host: tcp://127.0.0.1:2376
                    tls: {ca: %s, cert: %s, key: {file: %s}}
                  lab:
                    host: tcp://127.0.0.1:2376
                    tls: {cert: %s, key: {file: %s}, skipVerify: true}
                  strict:
                    host: tcp://127.0.0.1:2376
                    tls: {cert: %s, key: {file: %s}}
                """.formatted(bed.tokenHostPort(), pki.resolve("ca.pem"), pki.resolve("client-cert.pem"), pki.resolve("client-key.pem"),
                pki.resolve("client-cert.pem"), pki.resolve("client-key-pkcs8.pem"), pki.resolve("ec-cert.pem"), pki.resolve("ec-key.pem")));
        Path literal = dir.resolve("literal.yaml");
        Files.writeString(literal, "environments:\n  x:\n    host: tcp://127.0.0.1:2377\n    token: " + bed.token() + "\n");
        List<String> captured = new ArrayList<>();
        try {
            for (Map<String, String> env : List.of(Map.of("DST_FA_TOKEN", bed.token()), Map.of("DST_FA_TOKEN", bed.token() + "x"),
                    Map.of("DST_FA_TOKEN", bed.token(), "DOCKSTAT_DEBUG", "1"), Map.of("DST_FA_TOKEN", bed.token() + "x", "DOCKSTAT_DEBUG", "1"))) {
                for (List<String> args : List.of(List.of("df", "--config", config.toString(), "--env", "token"),
                        List.of("df", "--config", config.toString(), "--env", "mtls"),
                        List.of("stats", "--no-stream", "--config", config.toString(), "--env", "lab"),
                        List.of("df", "--config", literal.toString(), "--env", "x"))) {
                    List<String> cmd = ChildProcess.launcher("dockstat", args.toArray(String[]::new));
                    try (ChildProcess run = new ChildProcess(NAME + "-cli", cmd, env)) {
                        int code = run.exitCode(Duration.ofSeconds(60));
                        captured.add(args + " " + env.keySet() + " -> " + code + "\n" + run.errText());
                    }
                }
            }
            List<String> strict = ChildProcess.launcher("dockstat", "df", "--config", config.toString(), "--env", "strict");
            try (ChildProcess run = new ChildProcess(NAME + "-cli", strict, Map.of())) {
                assertEquals(1, run.exitCode(Duration.ofSeconds(60)), "without skipVerify the engine's certificate is checked");
                assertTrue(run.errText().contains("TLS: server certificate not trusted"), run.errText());
            }
        } finally {
            for (Path p : List.of(config, literal, dir)) {
                Files.deleteIfExists(p);
            }
        }
        String all = String.join("\n", captured);
        assertTrue(all.contains("[df, --config, " + config + ", --env, token] [DST_FA_TOKEN] -> 0"), all);
        assertTrue(all.contains("--env, mtls] [DST_FA_TOKEN] -> 0"), all);
        assertTrue(all.contains("a literal token is not allowed"), all);
        long labWarnings = captured.stream().filter(c -> c.contains("--env, lab]") && c.contains("-> 0")).count();
        assertEquals(4, labWarnings, "skipVerify works:\n" + all);
        for (String c : captured.stream().filter(c -> c.contains("--env, lab]")).toList()) {
            assertEquals(1, c.split("TLS verification is off", -1).length - 1, "said once per run:\n" + c);
        }
    }

    @Test
    @Order(3)
    void valuesThatHoldSecretsPrintWithoutThem() throws Exception {
        TestBed bed = bed();
        Secret key = Secret.of(bed.pem("client-key.pem"), "test");
        TlsMaterial tls = new TlsMaterial(Optional.of(bed.pem("ca.pem")), Optional.of(bed.pem("client-cert.pem")), Optional.of(key),
                false, Optional.empty());
        Endpoint endpoint = Endpoint.of("tcp://127.0.0.1:2376").withTls(tls).withToken(Secret.of(bed.token(), "test"));
        List<String> shown = new ArrayList<>(List.of(key.toString(), tls.toString(), endpoint.toString(), endpoint.display()));
        String line = https(9, "127.0.0.1", 2376, bed.pem("ca.pem"), bed.pem("client-cert.pem"), bed.pem("client-key.pem"), false, "x", bed.token());
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        shown.add(InboundDecoder.decode(bytes, bytes.length).toString());
        try (DockerClient client = new DockerClient(endpoint, TransportRegistry.load().onWarning(shown::add).open(endpoint))) {
            shown.add(client.toString());
            shown.add(String.valueOf(client.ping(DockerClient.PING_TIMEOUT)));
        }
        Secret broken = Secret.of(bed.pem("client-key.pem").replace("MII", "!!!"), "test");
        Endpoint bad = endpoint.withTls(new TlsMaterial(Optional.empty(), Optional.of(bed.pem("client-cert.pem")), Optional.of(broken),
                false, Optional.empty()));
        try {
            TransportRegistry.load().open(bad).close();
            shown.add("a broken key was accepted");
        } catch (Exception e) {
            shown.add(e.toString());
            for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
                shown.add(t.toString());
            }
        }
        Captured.keep(NAME + "-values", shown);
        assertFalse(String.join("\n", shown).contains("a broken key was accepted"));
    }

    /** Last: every secret the suite used, in everything it captured. */
    @Test
    @Order(4)
    void noSecretInAnythingTheSuiteCaptured() throws Exception {
        TestBed bed = bed();
        List<String> secrets = new ArrayList<>(List.of(bed.token(), "-----BEGIN"));
        for (String file : List.of("client-key.pem", "client-key-pkcs8.pem", "ec-key.pem", "rogue-key.pem")) {
            bed.pem(file).lines().filter(l -> !l.startsWith("-----") && l.length() >= 16).forEach(secrets::add);
        }
        List<Path> files = Captured.files();
        assertTrue(files.size() >= 10, "the suite captured its outputs: " + files);
        long bytes = 0;
        List<String> found = new ArrayList<>();
        for (Path f : files) {
            String text = Files.readString(f);
            bytes += text.length();
            for (String secret : secrets) {
                if (text.contains(secret)) {
                    found.add(f.getFileName() + " shows " + (secret.equals(bed.token()) ? "the token" : "key material: " + secret.substring(0, 8) + "..."));
                }
            }
        }
        assertEquals(List.of(), found);
        System.out.println("[faults] secrets: " + secrets.size() + " secret strings (the token, PEM private key lines) looked for in "
                + files.size() + " captured outputs (" + bytes / 1024 + " KiB): none found");
    }
}

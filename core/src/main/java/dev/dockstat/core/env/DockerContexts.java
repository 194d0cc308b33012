package dev.dockstat.core.env;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockstat.core.api.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The docker CLI's contexts, read from its config directory ({@code $DOCKER_CONFIG}, else
 * {@code ~/.docker}): {@code config.json}'s {@code currentContext}, and per context
 * {@code contexts/meta/<sha256 of name>/meta.json} ({@code Endpoints.docker.Host},
 * {@code SkipTLSVerify}) with its TLS files in {@code contexts/tls/<sha256 of name>/docker/}.
 */
final class DockerContexts {

    /** What a context says about its engine. */
    record Context(String name, String host, boolean skipTlsVerify, Path tlsDirectory) {
        boolean hasTlsFiles() {
            return Files.isDirectory(tlsDirectory);
        }
    }

    private final Path configDir;

    DockerContexts(Path configDir) {
        this.configDir = configDir;
    }

    /** {@code currentContext} of config.json; empty when unset or when there is no config.json. */
    Optional<String> current() throws EnvironmentException {
        Path config = configDir.resolve("config.json");
        if (!Files.isRegularFile(config)) {
            return Optional.empty();
        }
        String name = readJson(config).path("currentContext").asText("");
        return name.isBlank() ? Optional.empty() : Optional.of(name);
    }

    Context get(String name) throws EnvironmentException {
        String id = sha256(name);
        Path meta = configDir.resolve("contexts/meta").resolve(id).resolve("meta.json");
        if (!Files.isRegularFile(meta)) {
            throw new EnvironmentException("context \"" + name + "\" does not exist (no " + meta + ")");
        }
        JsonNode docker = readJson(meta).path("Endpoints").path("docker");
        String host = docker.path("Host").asText("");
        if (host.isBlank()) {
            throw new EnvironmentException("context \"" + name + "\" has no docker endpoint (" + meta + ")");
        }
        return new Context(name, host, docker.path("SkipTLSVerify").asBoolean(false),
                configDir.resolve("contexts/tls").resolve(id).resolve("docker"));
    }

    private static JsonNode readJson(Path file) throws EnvironmentException {
        try {
            return Json.MAPPER.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new EnvironmentException(file + ": not readable JSON (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** The docker CLI names a context's directories by the SHA-256 of its name. */
    static String sha256(String name) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}

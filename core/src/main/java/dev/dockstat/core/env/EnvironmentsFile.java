package dev.dockstat.core.env;

import static dev.dockstat.core.env.YamlFields.bool;
import static dev.dockstat.core.env.YamlFields.checkKeys;
import static dev.dockstat.core.env.YamlFields.fail;
import static dev.dockstat.core.env.YamlFields.mapping;
import static dev.dockstat.core.env.YamlFields.positiveInt;
import static dev.dockstat.core.env.YamlFields.text;

import dev.dockstat.core.yaml.Suggestions;
import dev.dockstat.core.yaml.YamlSyntaxException;
import dev.dockstat.core.yaml.YamlTree;
import dev.dockstat.core.yaml.YamlTree.Entry;
import dev.dockstat.core.yaml.YamlTree.Mapping;
import dev.dockstat.core.yaml.YamlTree.Node;
import dev.dockstat.core.yaml.YamlTree.Position;
import dev.dockstat.core.yaml.YamlTree.Scalar;
import dev.dockstat.core.spi.Endpoint;
import dev.dockstat.core.spi.PoolSizes;
import dev.dockstat.core.spi.Secret;
import dev.dockstat.core.spi.TlsMaterial;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * dockstat's file of named engines, used by {@code --env NAME}:
 *
 * <pre>
 * environments:
 *   prod:
 *     host: tcp://prod.example.com:2376
 *     tls: {ca: prod/ca.pem, cert: prod/cert.pem, key: {file: prod/key.pem}, serverName: prod.internal}
 *     token: {env: PROD_HAWSER_TOKEN}
 *     statsConcurrency: 32
 * metrics:                      # optional: how serve-metrics protects /metrics
 *   basicAuth: {user: prometheus, password: {env: DOCKSTAT_METRICS_PASSWORD}}
 *   tls: {cert: metrics/cert.pem, key: {file: metrics/key.pem}}
 * </pre>
 *
 * Secrets are never written in the file: {@code token} must be {@code {env: VAR}} or
 * {@code {file: PATH}}, and {@code ca}, {@code cert}, {@code key} are file paths (or references).
 * Relative paths are relative to the file; {@code ~/} is the home directory. The whole file is
 * checked when read (unknown keys, types, literal secrets); files and variables are read only for
 * the environments asked for. Every error is {@code FILE:LINE:COL: message}.
 */
public final class EnvironmentsFile {

    private static final List<String> TOP_KEYS = List.of("environments", "metrics");
    private static final List<String> METRICS_KEYS = List.of("basicAuth", "tls");
    private static final List<String> BASIC_AUTH_KEYS = List.of("user", "password");
    private static final List<String> METRICS_TLS_KEYS = List.of("cert", "key");
    private static final List<String> ENTRY_KEYS = List.of("host", "tls", "token", "statsConcurrency");
    private static final List<String> TLS_KEYS = List.of("ca", "cert", "key", "skipVerify", "serverName");
    private static final List<String> REFERENCE_KEYS = List.of("env", "file");
    private static final int MAX_STATS_CONCURRENCY = 4096;

    /** Where a PEM or a token comes from: a variable or a file, with the place it was written. */
    private record Reference(boolean variable, String value, Position at) {}

    private record TlsSpec(Optional<Reference> ca, Optional<Reference> cert, Optional<Reference> key,
            boolean skipVerify, Optional<String> serverName) {}

    /** The {@code metrics:} section as written. */
    private record MetricsSpec(Optional<String> user, Optional<Reference> password, Optional<Reference> cert, Optional<Reference> key) {}

    /** One environment as written, checked but not yet resolved. */
    private record Spec(String name, String host, Optional<TlsSpec> tls, Optional<Reference> token, OptionalInt statsConcurrency) {}

    private final Path file;
    private final Map<String, String> env;
    private final Path home;
    private final Map<String, Spec> specs;
    private MetricsSpec metrics = new MetricsSpec(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    private EnvironmentsFile(Path file, Map<String, String> env, Path home, Map<String, Spec> specs) {
        this.file = file;
        this.env = env;
        this.home = home;
        this.specs = specs;
    }

    /**
     * Reads and checks the whole file.
     *
     * @param env the process environment, for {@code {env: VAR}}
     * @param home for {@code ~/} in paths
     */
    public static EnvironmentsFile read(Path file, Map<String, String> env, Path home) throws EnvironmentException {
        if (!Files.isRegularFile(file)) {
            throw new EnvironmentException(file + ": no such file (the environments file; see --config)");
        }
        String text = TlsFiles.read(file, "environments file");
        EnvironmentsFile parsed = new EnvironmentsFile(file, Map.copyOf(env), home, new LinkedHashMap<>());
        try {
            parsed.check(YamlTree.parse(file, text));
        } catch (YamlSyntaxException e) {
            throw new EnvironmentException(e.getMessage());
        }
        return parsed;
    }

    public List<String> names() {
        return List.copyOf(specs.keySet());
    }

    /** The environment called {@code name}, its files and variables read now. */
    public Environment environment(String name) throws EnvironmentException {
        Spec spec = specs.get(name);
        if (spec == null) {
            String hint = Suggestions.closest(name, specs.keySet()).map(c -> "did you mean '" + c + "'? ").orElse("");
            throw new EnvironmentException(file + ": no environment '" + name + "' (" + hint + "defined: "
                    + (specs.isEmpty() ? "none" : String.join(", ", specs.keySet())) + ")");
        }
        Endpoint endpoint = EnvironmentResolver.endpoint(spec.host());
        if (spec.tls().isPresent()) {
            endpoint = endpoint.withTls(tls(spec.tls().get()));
        }
        if (spec.token().isPresent()) {
            endpoint = endpoint.withToken(secret(spec.token(), "token", true).orElseThrow());
        }
        if (spec.statsConcurrency().isPresent()) {
            endpoint = endpoint.withPools(PoolSizes.DEFAULTS.withFanout(spec.statsConcurrency().getAsInt()));
        }
        return new Environment(name, endpoint);
    }

    /** The {@code metrics:} section with its files and variables read now; {@link MetricsEndpointSettings#NONE} without one. */
    public MetricsEndpointSettings metricsEndpoint() throws EnvironmentException {
        return new MetricsEndpointSettings(metrics.user(), secret(metrics.password(), "metrics password", true),
                resolveOptional(metrics.cert(), "metrics TLS certificate"), secret(metrics.key(), "metrics TLS key", false));
    }

    private TlsMaterial tls(TlsSpec tls) throws EnvironmentException {
        return new TlsMaterial(resolveOptional(tls.ca(), "CA certificate"), resolveOptional(tls.cert(), "client certificate"),
                secret(tls.key(), "client key", false), tls.skipVerify(), tls.serverName());
    }

    /** A referenced secret read now, labelled with where it came from; {@code strip} for one-line secrets (tokens, passwords). */
    private Optional<Secret> secret(Optional<Reference> reference, String what, boolean strip) throws EnvironmentException {
        if (reference.isEmpty()) {
            return Optional.empty();
        }
        String value = resolve(reference.get(), what);
        return Optional.of(Secret.of(strip ? value.strip() : value, origin(reference.get())));
    }

    private Optional<String> resolveOptional(Optional<Reference> reference, String what) throws EnvironmentException {
        return reference.isEmpty() ? Optional.empty() : Optional.of(resolve(reference.get(), what));
    }

    private String resolve(Reference reference, String what) throws EnvironmentException {
        if (reference.variable()) {
            String value = env.get(reference.value());
            if (value == null || value.isEmpty()) {
                throw fail(reference.at(), what + ": environment variable " + reference.value() + " is not set");
            }
            return value;
        }
        try {
            return TlsFiles.read(path(reference.value()), what);
        } catch (EnvironmentException e) {
            throw fail(reference.at(), e.getMessage());
        }
    }

    private String origin(Reference reference) {
        return reference.variable() ? "environment variable " + reference.value() : "file " + path(reference.value());
    }

    private Path path(String written) {
        if (written.equals("~") || written.startsWith("~/")) {
            return home.resolve(written.substring(Math.min(2, written.length())));
        }
        Path p = Path.of(written);
        return p.isAbsolute() ? p : file.toAbsolutePath().getParent().resolve(p);
    }

    // --- checking the tree -------------------------------------------------------------------

    private void check(Node root) throws EnvironmentException {
        Mapping top = mapping(root, "the file");
        checkKeys(top, TOP_KEYS);
        Entry environments = top.entries().get("environments");
        if (environments == null) {
            throw fail(root.at(), "no 'environments' mapping");
        }
        for (Entry entry : mapping(environments.value(), "environments").entries().values()) {
            specs.put(entry.key(), spec(entry));
        }
        if (top.entries().containsKey("metrics")) {
            metrics = metricsSpec(top.entries().get("metrics"));
        }
    }

    private MetricsSpec metricsSpec(Entry section) throws EnvironmentException {
        Mapping fields = mapping(section.value(), "metrics");
        checkKeys(fields, METRICS_KEYS);
        Optional<String> user = Optional.empty();
        Optional<Reference> password = Optional.empty();
        Entry auth = fields.entries().get("basicAuth");
        if (auth != null) {
            Mapping m = mapping(auth.value(), "basicAuth");
            checkKeys(m, BASIC_AUTH_KEYS);
            if (!m.entries().containsKey("user") || !m.entries().containsKey("password")) {
                throw fail(m.at(), "basicAuth: needs both user and password ({env: VAR} or {file: PATH})");
            }
            user = Optional.of(text(m.entries().get("user")));
            password = Optional.of(secretReference(m.entries().get("password")));
        }
        Optional<Reference> cert = Optional.empty();
        Optional<Reference> key = Optional.empty();
        Entry tls = fields.entries().get("tls");
        if (tls != null) {
            Mapping m = mapping(tls.value(), "tls");
            checkKeys(m, METRICS_TLS_KEYS);
            cert = pathReference(m.entries().get("cert"));
            key = keyReference(m.entries().get("key"));
            if (cert.isEmpty() || key.isEmpty()) {
                throw fail(m.at(), "tls: needs both cert and key");
            }
        }
        return new MetricsSpec(user, password, cert, key);
    }

    private Spec spec(Entry environment) throws EnvironmentException {
        String name = environment.key();
        Mapping fields = mapping(environment.value(), "environment '" + name + "'");
        checkKeys(fields, ENTRY_KEYS);
        Entry host = fields.entries().get("host");
        if (host == null) {
            throw fail(environment.keyAt(), "environment '" + name + "' has no host");
        }
        String address = text(host);
        try {
            EnvironmentResolver.endpoint(address);
        } catch (EnvironmentException e) {
            throw fail(host.value().at(), "host: " + e.getMessage());
        }
        Optional<TlsSpec> tls = fields.entries().containsKey("tls") ? Optional.of(tlsSpec(fields.entries().get("tls"))) : Optional.empty();
        Optional<Reference> token = fields.entries().containsKey("token")
                ? Optional.of(secretReference(fields.entries().get("token"))) : Optional.empty();
        Entry concurrency = fields.entries().get("statsConcurrency");
        OptionalInt statsConcurrency = concurrency == null ? OptionalInt.empty() : OptionalInt.of(positiveInt(concurrency, MAX_STATS_CONCURRENCY));
        return new Spec(name, address, tls, token, statsConcurrency);
    }

    private TlsSpec tlsSpec(Entry tls) throws EnvironmentException {
        Mapping mapping = mapping(tls.value(), "tls");
        checkKeys(mapping, TLS_KEYS);
        Map<String, Entry> fields = mapping.entries();
        Entry skip = fields.get("skipVerify");
        Entry serverName = fields.get("serverName");
        return new TlsSpec(pathReference(fields.get("ca")), pathReference(fields.get("cert")), keyReference(fields.get("key")),
                skip != null && bool(skip), serverName == null ? Optional.empty() : Optional.of(text(serverName)));
    }

    /** {@code ca}/{@code cert}: a path, or a reference. */
    private Optional<Reference> pathReference(Entry entry) throws EnvironmentException {
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.value() instanceof Mapping) {
            return Optional.of(reference(entry));
        }
        String path = text(entry);
        if (path.contains("-----BEGIN")) {
            throw fail(entry.value().at(), entry.key() + ": PEM text here is not supported: give a file path");
        }
        return Optional.of(new Reference(false, path, entry.value().at()));
    }

    /** {@code key}: like a certificate path, but a key written into the file is refused as a secret. */
    private Optional<Reference> keyReference(Entry entry) throws EnvironmentException {
        if (entry != null && entry.value() instanceof Scalar s && (s.text().contains("-----BEGIN") || s.text().contains("\n"))) {
            throw fail(s.at(), "key: a private key must not be written in this file: give a file path, {file: PATH} or {env: VAR}");
        }
        return pathReference(entry);
    }

    /** {@code token}, {@code password}: only {@code {env: VAR}} or {@code {file: PATH}}. */
    private Reference secretReference(Entry entry) throws EnvironmentException {
        if (!(entry.value() instanceof Mapping)) {
            String what = entry.key().equals("token") ? "token" : "secret";
            throw fail(entry.value().at(), entry.key() + ": a literal " + what + " is not allowed here: use {env: VAR} or {file: PATH}");
        }
        return reference(entry);
    }

    private Reference reference(Entry entry) throws EnvironmentException {
        Mapping m = mapping(entry.value(), entry.key());
        checkKeys(m, REFERENCE_KEYS);
        if (m.entries().size() != 1) {
            throw fail(m.at(), entry.key() + ": expected exactly one of {env: VAR} or {file: PATH}");
        }
        Entry only = m.entries().values().iterator().next();
        return new Reference(only.key().equals("env"), text(only), only.value().at());
    }
}

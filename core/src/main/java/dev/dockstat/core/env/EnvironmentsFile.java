package dev.dockstat.core.env;

import dev.dockstat.core.yaml.Fields;
import dev.dockstat.core.yaml.Problems;
import dev.dockstat.core.yaml.Suggestions;
import dev.dockstat.core.yaml.Wording;
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
 * the environments asked for. Every mistake in the file is reported, one line each,
 * {@code FILE:LINE:COL: message}.
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
    private static final Wording WORDING = EnvironmentsWording.INSTANCE;

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
    /** The mistakes found while reading; a file with any is refused as a whole. */
    private final Problems problems = new Problems();
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
            parsed.problems.add(e.at(), e.problem());
        }
        if (!parsed.problems.isEmpty()) {
            throw new EnvironmentException(String.join("\n", parsed.problems.linesAsFound()));
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

    /** A mistake found when an environment is used: {@code FILE:LINE:COL: message}. */
    private static EnvironmentException fail(Position at, String message) {
        return new EnvironmentException(at + ": " + message);
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

    /** A section written with nothing after its key ({@code metrics:}) is an empty mapping. */
    private static Node orEmpty(Node node) {
        return node instanceof Scalar s && s.isNull() ? new Mapping(Map.of(), s.at()) : node;
    }

    private Fields section(Node node, String where, List<String> allowed) {
        return Fields.of(orEmpty(node), where, problems, WORDING, allowed);
    }

    private void check(Node root) {
        Fields top = section(root, "the file", TOP_KEYS);
        if (top == null) {
            return;
        }
        if (!top.has("environments")) {
            problems.add(root.at(), "no 'environments' mapping");
        } else {
            Fields environments = Fields.ofNames(orEmpty(top.node("environments")), "environments", problems, WORDING);
            if (environments != null) {
                environments.entries().values().forEach(entry -> spec(entry).ifPresent(spec -> specs.put(entry.key(), spec)));
            }
        }
        if (top.has("metrics")) {
            metrics = metricsSpec(top.node("metrics"));
        }
    }

    private MetricsSpec metricsSpec(Node section) {
        Optional<String> user = Optional.empty();
        Optional<Reference> password = Optional.empty();
        Optional<Reference> cert = Optional.empty();
        Optional<Reference> key = Optional.empty();
        Fields fields = section(section, "metrics", METRICS_KEYS);
        Fields auth = fields == null || !fields.has("basicAuth") ? null : section(fields.node("basicAuth"), "basicAuth", BASIC_AUTH_KEYS);
        if (auth != null) {
            if (!auth.has("user") || !auth.has("password")) {
                problems.add(auth.at(), "basicAuth: needs both user and password ({env: VAR} or {file: PATH})");
            } else {
                user = auth.text("user").map(String::strip);
                password = secretReference(auth, "password");
            }
        }
        Fields tls = fields == null || !fields.has("tls") ? null : section(fields.node("tls"), "tls", METRICS_TLS_KEYS);
        if (tls != null) {
            cert = pathReference(tls, "cert");
            key = keyReference(tls);
            if (!tls.has("cert") || !tls.has("key")) {
                problems.add(tls.at(), "tls: needs both cert and key");
            }
        }
        return new MetricsSpec(user, password, cert, key);
    }

    /** One environment, or nothing when it is not even a mapping; its other mistakes are recorded. */
    private Optional<Spec> spec(Entry environment) {
        String name = environment.key();
        Fields fields = section(environment.value(), "environment '" + name + "'", ENTRY_KEYS);
        if (fields == null) {
            return Optional.empty();
        }
        String address = "";
        if (!fields.has("host")) {
            problems.add(environment.keyAt(), "environment '" + name + "' has no host");
        } else {
            address = fields.text("host").map(String::strip).orElse("");
            try {
                if (!address.isEmpty()) {
                    EnvironmentResolver.endpoint(address);
                }
            } catch (EnvironmentException e) {
                problems.add(fields.node("host").at(), "host: " + e.getMessage());
            }
        }
        Optional<TlsSpec> tls = fields.has("tls") ? tlsSpec(fields.node("tls")) : Optional.empty();
        Optional<Reference> token = fields.has("token") ? secretReference(fields, "token") : Optional.empty();
        Optional<Long> concurrency = fields.wholeNumber("statsConcurrency", 1, MAX_STATS_CONCURRENCY);
        return Optional.of(new Spec(name, address, tls, token,
                concurrency.map(n -> OptionalInt.of(n.intValue())).orElse(OptionalInt.empty())));
    }

    private Optional<TlsSpec> tlsSpec(Node node) {
        Fields fields = section(node, "tls", TLS_KEYS);
        if (fields == null) {
            return Optional.empty();
        }
        return Optional.of(new TlsSpec(pathReference(fields, "ca"), pathReference(fields, "cert"), keyReference(fields),
                fields.bool("skipVerify").orElse(false), fields.text("serverName").map(String::strip)));
    }

    /** {@code ca}/{@code cert}: a path, or a reference. */
    private Optional<Reference> pathReference(Fields fields, String key) {
        Node node = fields.node(key);
        if (node == null) {
            return Optional.empty();
        }
        if (node instanceof Mapping) {
            return reference(fields, key);
        }
        Optional<String> path = fields.text(key).map(String::strip);
        if (path.isPresent() && path.get().contains("-----BEGIN")) {
            problems.add(node.at(), key + ": PEM text here is not supported: give a file path");
            return Optional.empty();
        }
        return path.map(p -> new Reference(false, p, node.at()));
    }

    /** {@code key}: like a certificate path, but a key written into the file is refused as a secret. */
    private Optional<Reference> keyReference(Fields fields) {
        if (fields.node("key") instanceof Scalar s && (s.text().contains("-----BEGIN") || s.text().contains("\n"))) {
            problems.add(s.at(), "key: a private key must not be written in this file: give a file path, {file: PATH} or {env: VAR}");
            return Optional.empty();
        }
        return pathReference(fields, "key");
    }

    /** {@code token}, {@code password}: only {@code {env: VAR}} or {@code {file: PATH}}. */
    private Optional<Reference> secretReference(Fields fields, String key) {
        Node node = fields.node(key);
        if (!(node instanceof Mapping)) {
            String what = key.equals("token") ? "token" : "secret";
            problems.add(node.at(), key + ": a literal " + what + " is not allowed here: use {env: VAR} or {file: PATH}");
            return Optional.empty();
        }
        return reference(fields, key);
    }

    /** {@code {env: VAR}} or {@code {file: PATH}} written under {@code key} (a mapping). */
    private Optional<Reference> reference(Fields owner, String key) {
        Fields fields = section(owner.node(key), key, REFERENCE_KEYS);
        if (fields.entries().size() != 1) {
            problems.add(fields.at(), key + ": expected exactly one of {env: VAR} or {file: PATH}");
            return Optional.empty();
        }
        Entry only = fields.entries().values().iterator().next();
        return fields.text(only.key()).map(String::strip).map(v -> new Reference(only.key().equals("env"), v, only.value().at()));
    }
}

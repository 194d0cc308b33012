package dev.dockstat.cli.commands;

import dev.dockstat.cli.UsageException;
import dev.dockstat.cli.options.DurationConverter;
import dev.dockstat.cli.options.EndpointOptions;
import dev.dockstat.core.env.MetricsEndpointSettings;
import dev.dockstat.core.spi.Secret;
import dev.dockstat.exporter.EndpointSecurity;
import dev.dockstat.exporter.MetricsExporter;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dockstat serve-metrics}: the engines' numbers for Prometheus. */
@Command(name = "serve-metrics", mixinStandardHelpOptions = true,
        description = {"Serve per-container and per-engine metrics at /metrics for Prometheus (text and OpenMetrics formats).",
            "Values are raw counters and gauges under cAdvisor's names (container_cpu_usage_seconds_total, "
                    + "container_memory_working_set_bytes, ...); Prometheus computes rates. A scrape serves the latest "
                    + "completed round and never waits for an engine."},
        footer = {"", "Example:", "  dockstat serve-metrics --listen 127.0.0.1:9323 --interval 5s",
            "  # prometheus.yml:",
            "  scrape_configs:",
            "    - job_name: dockstat",
            "      static_configs: [{targets: ['127.0.0.1:9323']}]",
            "",
            "Basic auth and HTTPS come from the flags above or, without them, from the environments file (--config):",
            "  metrics:",
            "    basicAuth: {user: prometheus, password: {env: DOCKSTAT_METRICS_PASSWORD}}",
            "    tls: {cert: metrics/cert.pem, key: {file: metrics/key.pem}}"})
public final class ServeMetricsCommand extends BaseCommand {

    /** Where to listen; loopback unless told otherwise. */
    @Option(names = "--listen", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:9323",
            description = "Address to serve /metrics on (default: ${DEFAULT-VALUE}).")
    String listen;

    /** Time between collection rounds per engine. */
    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "5s", converter = DurationConverter.class,
            description = "Time between collection rounds per engine (default: ${DEFAULT-VALUE}).")
    Duration interval;

    /** Stats requests in flight per round. */
    @Option(names = "--stats-concurrency", paramLabel = "N", defaultValue = "128",
            description = "Stats requests in flight together per round (default: ${DEFAULT-VALUE}).")
    int concurrency;

    /** Basic auth user; the password comes from DOCKSTAT_METRICS_PASSWORD or a file, never the command line. Without these flags, the environments file's metrics: section applies. */
    @Option(names = "--basic-auth-user", paramLabel = "USER",
            description = "Require HTTP basic auth with this user; the password is read from $DOCKSTAT_METRICS_PASSWORD or --basic-auth-password-file.")
    String basicAuthUser;

    @Option(names = "--basic-auth-password-file", paramLabel = "FILE", description = "File holding the basic auth password.")
    java.nio.file.Path basicAuthPasswordFile;

    /** Serve HTTPS with this certificate chain (PEM). */
    @Option(names = "--tls-cert", paramLabel = "FILE", description = "Serve HTTPS with this certificate chain (PEM); needs --tls-key.")
    java.nio.file.Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE", description = "Private key for --tls-cert (PEM: PKCS#1, PKCS#8 or EC).")
    java.nio.file.Path tlsKey;

    @Mixin
    EndpointOptions endpoint;


    @Override
    public Integer call() throws Exception {
        ListenAddress address = ListenAddress.parse(listen);
        if (interval.isZero() || interval.isNegative()) {
            throw new UsageException("--interval must be positive");
        }
        PrintWriter err = err();
        MetricsEndpointSettings fromFile = endpoint.metricsEndpoint();
        var https = https(fromFile);
        var settings = new MetricsExporter.Settings(address.host(), address.port(), interval, concurrency,
                authenticator(fromFile), https);
        CountDownLatch stop = new CountDownLatch(1);
        try (MetricsExporter exporter = MetricsExporter.start(endpoint.environments(), settings, line -> {
            err.println("dockstat: " + line);
            err.flush();
        })) {
            err.println("dockstat: serving metrics on " + (https == null ? "http" : "https") + "://" + address.host() + ":" + exporter.port() + "/metrics");
            err.flush();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                exporter.close();
                stop.countDown();
            }));
            stop.await();
        }
        return 0;
    }

    /** Basic auth from the flags, else from the environments file's {@code metrics.basicAuth}, else none. */
    private com.sun.net.httpserver.Authenticator authenticator(MetricsEndpointSettings fromFile) throws java.io.IOException {
        if (basicAuthUser == null) {
            if (basicAuthPasswordFile != null) {
                throw new UsageException("--basic-auth-password-file needs --basic-auth-user");
            }
            return fromFile.user().isEmpty() ? null : EndpointSecurity.basicAuth(fromFile.user().get(), fromFile.password().orElseThrow());
        }
        String password = basicAuthPasswordFile != null
                ? java.nio.file.Files.readString(basicAuthPasswordFile).strip()
                : env.getOrDefault("DOCKSTAT_METRICS_PASSWORD", "");
        if (password.isEmpty()) {
            throw new UsageException("--basic-auth-user needs a password: set DOCKSTAT_METRICS_PASSWORD or give --basic-auth-password-file");
        }
        return EndpointSecurity.basicAuth(basicAuthUser, Secret.of(password, "metrics basic auth password"));
    }

    /** HTTPS from the flags, else from the environments file's {@code metrics.tls}, else plain HTTP. */
    private com.sun.net.httpserver.HttpsConfigurator https(MetricsEndpointSettings fromFile) throws Exception {
        if (tlsCert == null && tlsKey == null) {
            return fromFile.certificatePem().isEmpty() ? null
                    : EndpointSecurity.tls(fromFile.certificatePem().get(), fromFile.keyPem().orElseThrow());
        }
        if (tlsCert == null || tlsKey == null) {
            throw new UsageException("--tls-cert and --tls-key go together");
        }
        return EndpointSecurity.tls(java.nio.file.Files.readString(tlsCert),
                Secret.of(java.nio.file.Files.readString(tlsKey), tlsKey.toString()));
    }

    /** {@code host:port}, {@code :port} or {@code [v6]:port}. */
    record ListenAddress(String host, int port) {
        static ListenAddress parse(String value) {
            int colon = value.lastIndexOf(':');
            if (colon < 0) {
                throw new UsageException("--listen: expected HOST:PORT, got '" + value + "'");
            }
            String host = value.substring(0, colon).replace("[", "").replace("]", "");
            try {
                int port = Integer.parseInt(value.substring(colon + 1));
                if (port < 0 || port > 65535) {
                    throw new NumberFormatException();
                }
                return new ListenAddress(host.isEmpty() ? "127.0.0.1" : host, port);
            } catch (NumberFormatException e) {
                throw new UsageException("--listen: bad port in '" + value + "'");
            }
        }
    }
}

package dev.dockstat.cli.commands;

import dev.dockstat.cli.ExitCodes;
import dev.dockstat.cli.Shutdown;
import dev.dockstat.cli.UsageException;
import dev.dockstat.cli.options.DurationConverter;
import dev.dockstat.cli.options.EndpointOptions;
import dev.dockstat.cli.options.SourceOptions;
import dev.dockstat.core.source.SourceSettings;
import dev.dockstat.core.source.SourceUnavailableException;
import dev.dockstat.exporter.MetricsExporter;
import dev.dockstat.exporter.ServeOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
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
    Path basicAuthPasswordFile;

    /** Serve HTTPS with this certificate chain (PEM). */
    @Option(names = "--tls-cert", paramLabel = "FILE", description = "Serve HTTPS with this certificate chain (PEM); needs --tls-key.")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE", description = "Private key for --tls-cert (PEM: PKCS#1, PKCS#8 or EC).")
    Path tlsKey;

    @Mixin
    EndpointOptions endpoint;

    /** Where counters come from; chosen per engine at its first round. */
    @Mixin
    SourceOptions source;

    @Override
    public Integer call() throws Exception {
        MetricsExporter.Settings settings;
        try {
            MetricsExporter.Settings resolved = new ServeOptions(listen, interval, concurrency, basicAuthUser,
                    basicAuthPasswordFile, tlsCert, tlsKey).resolve(endpoint::metricsEndpoint, env);
            settings = new MetricsExporter.Settings(resolved.host(), resolved.port(), resolved.interval(),
                    resolved.concurrency(), resolved.authenticator(), resolved.https(), source.choice(),
                    SourceSettings.fromEnvironment(env));
        } catch (ServeOptions.Mistake | IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        serve(settings, err());
        return ExitCodes.OK;
    }

    /** Serves until SIGTERM or SIGINT. */
    private void serve(MetricsExporter.Settings settings, PrintWriter err) throws Exception {
        CountDownLatch stop = new CountDownLatch(1);
        try (MetricsExporter exporter = start(settings, err)) {
            err.println("dockstat: serving metrics on " + (settings.https() == null ? "http" : "https") + "://"
                    + settings.host() + ":" + exporter.port() + "/metrics");
            err.flush();
            try (Shutdown shutdown = Shutdown.onSignal(() -> {
                exporter.close();
                stop.countDown();
            }, Duration.ZERO)) {
                stop.await();
            }
        }
    }

    private MetricsExporter start(MetricsExporter.Settings settings, PrintWriter err) throws Exception {
        try {
            return MetricsExporter.start(endpoint.environments(), settings, line -> {
                err.println("dockstat: " + line);
                err.flush();
            });
        } catch (SourceUnavailableException e) { // --source kernel where the kernel's files cannot serve an engine
            throw new UsageException(e.getMessage());
        }
    }
}

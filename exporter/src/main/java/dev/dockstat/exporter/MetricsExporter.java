package dev.dockstat.exporter;

import com.sun.net.httpserver.Authenticator;
import com.sun.net.httpserver.HttpsConfigurator;
import dev.dockstat.core.api.DockerClient;
import dev.dockstat.core.source.SourceChoice;
import dev.dockstat.core.source.SourceSettings;
import dev.dockstat.core.source.SourceUnavailableException;
import dev.dockstat.core.source.StatsSourceRegistry;
import dev.dockstat.core.env.Environment;
import dev.dockstat.core.spi.TransportConfigException;
import dev.dockstat.core.transport.TransportRegistry;
import io.prometheus.metrics.config.ExporterProperties;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * {@code serve-metrics}: one scraper per engine, and an HTTP endpoint serving {@code /metrics} in the
 * Prometheus text or OpenMetrics format (the client library negotiates by the Accept header).
 */
public final class MetricsExporter implements AutoCloseable {

    /**
     * What to serve and how.
     *
     * @param host address to listen on (loopback unless told otherwise)
     * @param port port; 0 = any free one
     * @param interval time between collection rounds per engine
     * @param concurrency stats requests in flight per round
     * @param authenticator basic auth, or null
     * @param https TLS for the endpoint, or null
     * @param source where counters come from ({@code --source}); chosen per engine at its first round
     * @param sourceSettings the kernel source's roots
     */
    public record Settings(String host, int port, Duration interval, int concurrency,
            Authenticator authenticator, HttpsConfigurator https, SourceChoice source, SourceSettings sourceSettings) {

        public Settings(String host, int port, Duration interval, int concurrency, Authenticator authenticator,
                HttpsConfigurator https) {
            this(host, port, interval, concurrency, authenticator, https, SourceChoice.AUTO, SourceSettings.DEFAULTS);
        }
    }

    /**
     * The Prometheus text format wants integer millisecond timestamps; the client library writes
     * seconds with a fraction unless told otherwise (client_java #1277), which Prometheus and
     * promtool reject. OpenMetrics keeps its seconds.
     */
    private static final PrometheusProperties PROPERTIES = PrometheusProperties.builder()
            .exporterProperties(ExporterProperties.builder().prometheusTimestampsInMs(true).build())
            .build();

    private final List<EngineScraper> scrapers;
    private final HTTPServer server;

    private MetricsExporter(List<EngineScraper> scrapers, HTTPServer server) {
        this.scrapers = scrapers;
        this.server = server;
    }

    /**
     * Connects to every engine (lazily: an engine that is down is reported and retried, never
     * fatal), starts the scrapers, and listens.
     *
     * @throws TransportConfigException when an engine's settings cannot work
     * @throws SourceUnavailableException when {@code --source kernel} is ruled out for an engine
     * @throws IOException when the address cannot be bound
     */
    public static MetricsExporter start(List<Environment> environments, Settings settings, Consumer<String> diagnostics)
            throws TransportConfigException, IOException {
        TransportRegistry registry = TransportRegistry.load().onWarning(diagnostics); // e.g. skipVerify, with the other diagnostics
        StatsSourceRegistry sources = StatsSourceRegistry.load();
        List<EngineScraper> scrapers = new ArrayList<>();
        try {
            for (Environment env : environments) {
                DockerClient client = env.connect(registry);
                try {
                    client.useStatsSource(sources.deferred(settings.source(), client, settings.sourceSettings(), line -> {}, diagnostics));
                } catch (RuntimeException e) {
                    client.close();
                    throw e;
                }
                scrapers.add(new EngineScraper(env, client, settings.concurrency(), settings.interval(), diagnostics));
            }
            PrometheusRegistry prometheus = new PrometheusRegistry();
            prometheus.register(new ContainerMetricsCollector(() -> scrapers.stream().map(EngineScraper::latest).toList()));
            JvmMetrics.builder().register(prometheus);
            HTTPServer.Builder http = HTTPServer.builder(PROPERTIES)
                    .inetAddress(InetAddress.getByName(settings.host()))
                    .port(settings.port())
                    .registry(prometheus)
                    .executorService(Executors.newVirtualThreadPerTaskExecutor());
            if (settings.authenticator() != null) {
                http.authenticator(settings.authenticator());
            }
            if (settings.https() != null) {
                http.httpsConfigurator(settings.https());
            }
            HTTPServer server = http.buildAndStart();
            scrapers.forEach(EngineScraper::start);
            ExpositionWarmUp.after(scrapers.stream().map(EngineScraper::firstRound).toList(), prometheus, PROPERTIES);
            return new MetricsExporter(scrapers, server);
        } catch (TransportConfigException | IOException | RuntimeException e) {
            scrapers.forEach(EngineScraper::close);
            throw e;
        }
    }

    public int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        server.close();
        scrapers.forEach(EngineScraper::close);
    }
}

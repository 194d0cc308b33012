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
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@code serve-metrics}: one scraper per engine, and an HTTP endpoint serving {@code /metrics} in the
 * Prometheus text or OpenMetrics format, as the Accept header asks, gzipped when allowed. The
 * containers' lines are the exporter's own ({@link Exposition}); the client library renders the
 * engines' and the JVM's few series.
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

    private static final String NO_DELAY = "sun.net.httpserver.nodelay";

    private final List<EngineScraper> scrapers;
    /**
     * Scrapes are answered on platform threads of their own, not on virtual threads: those share
     * the carrier threads with the rounds' requests, and at each engine tick thousands of them
     * (100 engines x 50 containers) become runnable at once; a scrape queued behind them waited for
     * the burst (p99 0.6 s at that size on 2 cores, p50 35 ms). The OS schedules a platform thread
     * beside the carriers. Two at a time: Prometheus scrapes every 15-60 s, a second scraper or a
     * person's curl may overlap, more wait their turn.
     */
    private static final int SCRAPE_THREADS = 2;

    private final HttpServer server;
    private final ExecutorService requests;

    private MetricsExporter(List<EngineScraper> scrapers, HttpServer server, ExecutorService requests) {
        this.scrapers = scrapers;
        this.server = server;
        this.requests = requests;
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
        ScrapeDemand demand = new ScrapeDemand();
        ExecutorService requests = Executors.newFixedThreadPool(SCRAPE_THREADS,
                Thread.ofPlatform().daemon().name("dockstat-scrape-", 1).factory());
        try {
            for (Environment env : environments) {
                DockerClient client = env.connect(registry);
                try {
                    client.useStatsSource(sources.deferred(settings.source(), client, settings.sourceSettings(), line -> {}, diagnostics));
                } catch (RuntimeException e) {
                    client.close();
                    throw e;
                }
                scrapers.add(new EngineScraper(env, client, settings.concurrency(), settings.interval(), demand, diagnostics));
            }
            Supplier<List<EngineSnapshot>> latest = () -> scrapers.stream().map(EngineScraper::latest).toList();
            PrometheusRegistry rest = new PrometheusRegistry();
            rest.register((MultiCollector) () -> new MetricSnapshots(EngineMetrics.snapshots(latest.get())));
            JvmMetrics.builder().register(rest);
            Exposition exposition = new Exposition(latest, rest, ExpositionFormats.init(PROPERTIES.getExporterProperties()));
            HttpServer server = listen(settings, new MetricsHandler(exposition, demand), requests);
            scrapers.forEach(EngineScraper::start);
            ExpositionWarmUp.after(scrapers.stream().map(EngineScraper::firstRound).toList(), exposition);
            return new MetricsExporter(scrapers, server, requests);
        } catch (TransportConfigException | IOException | RuntimeException e) {
            scrapers.forEach(EngineScraper::close);
            requests.shutdownNow();
            throw e;
        }
    }

    /** The JDK's HTTP server (HTTPS with a configurator), {@code /metrics} only, behind the authenticator if any. */
    private static HttpServer listen(Settings settings, MetricsHandler handler, ExecutorService requests) throws IOException {
        // TCP_NODELAY on the server's sockets (read once, when the JDK's server is first used): an
        // answer's last, short segment must not wait for the scraper's delayed ACK of the one before
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
        InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(settings.host()), settings.port());
        HttpServer server;
        if (settings.https() != null) {
            HttpsServer https = HttpsServer.create(address, 0);
            https.setHttpsConfigurator(settings.https());
            server = https;
        } else {
            server = HttpServer.create(address, 0);
        }
        HttpContext metrics = server.createContext("/metrics", handler);
        if (settings.authenticator() != null) {
            metrics.setAuthenticator(settings.authenticator());
        }
        server.setExecutor(requests);
        server.start();
        return server;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        requests.shutdownNow();
        scrapers.forEach(EngineScraper::close);
    }
}

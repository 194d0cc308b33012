package dev.dockstat.core.api;

import com.fasterxml.jackson.core.JacksonException;
import dev.dockstat.core.df.DiskUsage;
import dev.dockstat.core.model.ContainerState;
import dev.dockstat.core.model.ContainerSummary;
import dev.dockstat.core.model.EngineInfo;
import dev.dockstat.core.model.StatsSample;
import dev.dockstat.core.spi.Endpoint;
import dev.dockstat.core.spi.Transport;
import dev.dockstat.core.spi.TransportRequest;
import dev.dockstat.core.spi.TransportRequest.Pool;
import dev.dockstat.core.spi.TransportResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The Docker Engine API calls dockstat makes, over any {@link Transport}. Thread-safe. Every
 * failure surfaces as a {@link DockerException} whose message is ready for a user; status codes
 * become exceptions here and nowhere else.
 *
 * <p>Default timeouts follow the Dockhand worker (docs/serve-ipc.md): ping 5 s, list 15 s, stats 10 s,
 * info 10 s, df 20 s, anything else 30 s.
 */
public final class DockerClient implements AutoCloseable {

    public static final Duration PING_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration LIST_TIMEOUT = Duration.ofSeconds(15);
    public static final Duration STATS_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration INFO_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DF_TIMEOUT = Duration.ofSeconds(20);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** How long the engine may take to send the headers of an event stream. */
    public static final Duration STREAM_OPEN_TIMEOUT = Duration.ofSeconds(10);

    private final String environment;
    private final Endpoint endpoint;
    private final Transport transport;
    private volatile ApiVersion version;
    private volatile EngineFlavour flavour = EngineFlavour.DOCKERD;
    /** A lock, not a monitor: the request made under it must not pin a virtual thread's carrier (JDK 21). */
    private final ReentrantLock flavourLock = new ReentrantLock();
    private final long tickOrigin = System.nanoTime();
    private volatile long engineClockOffsetMillis;
    /** Where collectors read counters; the engine's API until a command attaches another source. */
    private volatile StatsSource statsSource = new EngineStatsSource(this);

    /** A client named after its address. */
    public DockerClient(Endpoint endpoint, Transport transport) {
        this(endpoint.display(), endpoint, transport);
    }

    /** @param environment the environment's name, for messages */
    public DockerClient(String environment, Endpoint endpoint, Transport transport) {
        this.environment = environment;
        this.endpoint = endpoint;
        this.transport = transport;
    }

    /**
     * The engine as messages name it: its address, and the environment's name when that differs,
     * e.g. {@code tcp://prod.example.com:2376 (environment prod)}.
     */
    public String where() {
        return where(environment, endpoint);
    }

    /** See {@link #where()}; for messages about an environment before it has a client. */
    public static String where(String environment, Endpoint endpoint) {
        return environment.equals(endpoint.display()) ? endpoint.display() : endpoint.display() + " (environment " + environment + ")";
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    /**
     * {@code GET /_ping}: fails with {@link EngineUnreachableException} when the engine does not
     * answer OK within the timeout. Learns the engine's API version on the way.
     */
    public ApiVersion ping(Duration timeout) {
        try (TransportResponse response = send(TransportRequest.get("/_ping", Pool.REQUEST, timeout))) {
            ApiVersion engine = response.header("API-Version").map(ApiVersion::parse).orElse(ApiVersion.MIN);
            if (engine.compareTo(ApiVersion.MIN) < 0) {
                throw new UnsupportedEngineException("the engine at " + where() + " speaks API " + engine
                        + "; dockstat needs " + ApiVersion.MIN + " or newer (Docker Engine 20.10+)");
            }
            ApiVersion negotiated = ApiVersion.negotiate(engine);
            response.header("Date").ifPresent(this::learnEngineClock);
            boolean libpod = response.header("Libpod-Api-Version").isPresent();
            response.close(); // before the next request: a one-connection transport needs it back
            if (libpod) {
                findFlavour(negotiated);
            }
            // published after the flavour: a thread that sees a version (and so skips the ping) sees the flavour too
            version = negotiated;
            return negotiated;
        }
    }

    /**
     * The engine's clock now, in unix milliseconds, as learned from the {@code Date} header of the last
     * ping (second precision; the local clock until a ping has answered). Event cursors must be in
     * the engine's time, which may differ from ours on a remote host.
     */
    public long engineTimeMillis() {
        return System.currentTimeMillis() + engineClockOffsetMillis;
    }

    private void learnEngineClock(String date) {
        long engine = httpDateMillis(date);
        if (engine > 0) {
            long offset = engine - System.currentTimeMillis();
            // the header has whole seconds: only a skew beyond that precision is worth correcting
            engineClockOffsetMillis = Math.abs(offset) > 2000 ? offset : 0;
        }
    }

    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

    /**
     * An HTTP {@code Date} header ({@code Sun, 23 Nov 2026 11:11:31 GMT}, the only form Go's
     * servers send) in unix milliseconds, 0 when it is not that. Read by hand: this runs on every
     * ping of a resident worker, and a {@code DateTimeFormatter} loads ~100 classes for it.
     */
    static long httpDateMillis(String date) {
        if (date == null || date.length() != 29 || !date.endsWith(" GMT")) {
            return 0;
        }
        try {
            int m = MONTHS.indexOf(date.substring(8, 11));
            if (m < 0 || m % 3 != 0) {
                return 0;
            }
            int day = Integer.parseInt(date, 5, 7, 10);
            int year = Integer.parseInt(date, 12, 16, 10);
            int hour = Integer.parseInt(date, 17, 19, 10);
            int minute = Integer.parseInt(date, 20, 22, 10);
            int second = Integer.parseInt(date, 23, 25, 10);
            long days = LocalDate.of(year, m / 3 + 1, day).toEpochDay();
            return ((days * 24 + hour) * 60 + minute) * 60_000L + second * 1000L;
        } catch (RuntimeException unreadable) {
            return 0;
        }
    }

    /**
     * Which engine answers (docs/podman.md); dockerd's until a ping has seen Libpod's headers. Only
     * Podman's service sends them, so only it pays the {@code /version} request that confirms it.
     */
    public EngineFlavour flavour() {
        return flavour;
    }

    /**
     * Once per client, whichever thread pings first: later pings keep what it found, and every
     * thread uses the one flavour (Podman's keeps state its CPU figures depend on).
     */
    private void findFlavour(ApiVersion negotiated) {
        flavourLock.lock();
        try {
            if (flavour != EngineFlavour.DOCKERD) {
                return;
            }
            try (TransportResponse response = send(TransportRequest.get("/v" + negotiated + "/version", Pool.REQUEST, PING_TIMEOUT))) {
                flavour = EngineFlavour.fromVersion(Json.MAPPER.readTree(response.body()));
            } catch (JacksonException e) {
                throw new MalformedResponseException("version: unreadable answer from " + where()
                        + " (" + FailureReasons.firstLine(e.getOriginalMessage()) + ")", e);
            } catch (IOException e) {
                throw readFailure("version", e);
            }
        } finally {
            flavourLock.unlock();
        }
    }

    /** The negotiated API version, pinging once if needed. */
    public ApiVersion version() {
        ApiVersion v = version;
        return v != null ? v : ping(PING_TIMEOUT);
    }

    /** {@code GET /containers/json}: running containers, or all with {@code all}. */
    public List<ContainerSummary> containers(boolean all) {
        return read("/containers/json?all=" + all, Pool.REQUEST, LIST_TIMEOUT, EngineJson::containers, "list containers");
    }

    /** How a stats reading is asked for; see docs/metrics-math.md, "What the engine answers". */
    public enum StatsMode {
        /** {@code stream=false&one-shot=true}: returns at the engine's next tick, without precpu. */
        ONE_SHOT("stream=false&one-shot=true"),
        /**
         * {@code stream=false}: about 2 s, with precpu from one tick earlier. Where the engine sends
         * no precpu (Podman), two one-shot readings a tick apart make one.
         */
        WITH_PRECPU("stream=false");

        private final String query;

        StatsMode(String query) {
            this.query = query;
        }
    }

    /**
     * The source every collector over this client reads a container's counters from
     * ({@code StatsCollector}, the {@code --no-stream} snapshot, histories): the engine's own stats
     * API unless {@link #useStatsSource} attached another.
     */
    public StatsSource statsSource() {
        return statsSource;
    }

    /** Reads counters through {@code source} from now on; the previous source is closed. */
    public void useStatsSource(StatsSource source) {
        StatsSource before = statsSource;
        statsSource = source;
        if (before != source) {
            before.close();
        }
    }

    /**
     * {@code GET /containers/{id}/stats} from the engine itself, whatever {@link #statsSource()} is;
     * {@code idOrName} may be a name or an ID prefix.
     */
    public StatsSample stats(String idOrName, StatsMode mode) {
        return stats(idOrName, mode, STATS_TIMEOUT);
    }

    public StatsSample stats(String idOrName, StatsMode mode, Duration timeout) {
        version(); // the ping that finds the flavour
        if (flavour.collectorTick().isZero()) {
            return read(idOrName, mode, timeout);
        }
        // the engine reads when asked (Podman): its answers are paced to a tick here, as dockerd's
        // collector paces its own, and a previous reading it does not send is taken a tick earlier
        StatsSample before = read(idOrName, StatsMode.ONE_SHOT, timeout, nextTick());
        if (mode == StatsMode.ONE_SHOT || before.empty()) {
            return before;
        }
        StatsSample now = read(idOrName, StatsMode.ONE_SHOT, timeout, nextTick());
        return now.empty() ? now : withPrevious(now, before);
    }

    /**
     * Waits for this client's next collector tick (ticks counted from its creation), as a one-shot
     * request to dockerd waits for its collector's: readings of one round land on one tick, and
     * a reading asked for right after another lands a whole tick later.
     */
    private Runnable nextTick() {
        return () -> {
            long period = flavour.collectorTick().toNanos();
            long now = System.nanoTime();
            long next = tickOrigin + ((now - tickOrigin) / period + 1) * period;
            try {
                Thread.sleep(java.time.Duration.ofNanos(next - now)); // the measured interval itself, not a wait for a condition
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DockerException("interrupted");
            }
        };
    }

    private static StatsSample withPrevious(StatsSample s, StatsSample before) {
        return new StatsSample(s.id(), s.name(), s.readNanos(), s.cpuTotal(), s.systemCpu(), s.onlineCpus(),
                before.cpuTotal(), before.systemCpu(), s.memUsage(), s.memLimit(), s.inactiveFile(),
                s.totalInactiveFile(), s.netRx(), s.netTx(), s.blkRead(), s.blkWrite(), s.pids());
    }

    private StatsSample read(String idOrName, StatsMode mode, Duration timeout) {
        return read(idOrName, mode, timeout, () -> { });
    }

    private StatsSample read(String idOrName, StatsMode mode, Duration timeout, Runnable beforeRequest) {
        beforeRequest.run();
        String target = "/containers/" + encode(idOrName) + "/stats?" + mode.query;
        return read(target, Pool.FANOUT, timeout, body -> {
            PushbackInputStream in = new PushbackInputStream(body, 1);
            int first = in.read();
            if (first < 0) {
                // the engine ends the answer without a body when the container stops while it is read
                throw new NotFoundException("No such container: " + idOrName + " (it stopped while its stats were read)");
            }
            in.unread(first);
            return StatsJson.read(in, flavour);
        }, "stats " + idOrName);
    }

    /** {@code GET /containers/{id}/json}: resolves a name or ID prefix; 404 = {@link NotFoundException}. */
    public ContainerState inspect(String idOrName) {
        return read("/containers/" + encode(idOrName) + "/json", Pool.REQUEST, DEFAULT_TIMEOUT, EngineJson::inspect,
                "inspect " + idOrName);
    }

    /** {@code GET /info}, parsed. */
    public EngineInfo info() {
        return read("/info", Pool.REQUEST, INFO_TIMEOUT, EngineJson::info, "info");
    }

    /** {@code GET /system/df}, parsed (the engine may take seconds to size volumes). */
    public DiskUsage diskUsage() {
        return read("/system/df", Pool.REQUEST, DF_TIMEOUT,
                body -> flavour.diskUsage(Json.MAPPER.readValue(body, DiskUsage.class)), "disk usage");
    }

    /**
     * {@code GET /system/df} as JSON to pass on (serve-ipc, {@code run}): the engine's body, with the figures a
     * reader sums brought to dockerd's meaning by the flavour; dockerd's comes byte for byte.
     *
     * @param cap the largest body accepted
     */
    public byte[] diskUsageBody(int cap) {
        version(); // the ping that finds the flavour
        return flavour.diskUsageBody(getRaw("/system/df", DF_TIMEOUT, cap));
    }

    /**
     * A versioned GET whose body is returned as the engine sent it (for byte-for-byte passthrough).
     *
     * @param cap the largest body accepted; a larger one fails instead of being cut into invalid JSON
     */
    public byte[] getRaw(String path, Duration timeout, int cap) {
        try (TransportResponse response = send(versioned(path, Pool.REQUEST, timeout))) {
            return readCapped(response.body(), cap, path);
        } catch (IOException e) {
            throw readFailure(path, e);
        }
    }

    /** Opens {@code GET /events} on the stream pool; the caller reads lines and closes it. */
    public EventLines events(EventQuery query) {
        return events(query, Pool.STREAM, STREAM_OPEN_TIMEOUT);
    }

    /**
     * A bounded events read (poll mode, or {@code --until}): {@code GET /events} on the request pool,
     * returning when the engine closes the response at {@code until}.
     */
    public EventLines eventsUntil(EventQuery query, Duration timeout) {
        return events(query, Pool.REQUEST, timeout);
    }

    private EventLines events(EventQuery query, Pool pool, Duration timeout) {
        version(); // the ping that finds the flavour
        EventQuery sent = flavour.events(query, engineTimeMillis() * 1_000_000L);
        TransportResponse response = send(versioned("/events" + sent.toQueryString(), pool, timeout));
        return sent == query ? new EventLines(response) : new EventLines(response, EventQuery.nanos(query.until()));
    }

    /** Reads a body the engine answers with; how is up to {@code reader}. */
    @FunctionalInterface
    private interface BodyReader<T> {
        T read(InputStream body) throws IOException;
    }

    private <T> T read(String path, Pool pool, Duration timeout, BodyReader<T> reader, String what) {
        try (TransportResponse response = send(versioned(path, pool, timeout))) {
            return reader.read(response.body());
        } catch (JacksonException e) {
            throw new MalformedResponseException(what + ": unreadable answer from " + where()
                    + " (" + FailureReasons.firstLine(e.getOriginalMessage()) + ")", e);
        } catch (IOException e) {
            throw readFailure(what, e);
        }
    }

    private TransportRequest versioned(String path, Pool pool, Duration timeout) {
        return TransportRequest.get("/v" + version() + path, pool, timeout);
    }

    /** Sends and maps non-2xx statuses to exceptions; the caller closes the response. */
    private TransportResponse send(TransportRequest request) {
        TransportResponse response;
        try {
            response = transport.execute(oneUseConnections && request.pool() != Pool.STREAM
                    ? request.withHeader("Connection", "close") : request);
        } catch (IOException e) {
            throw new EngineUnreachableException(where(), FailureReasons.of(e), e);
        }
        int status = response.status();
        if (status / 100 == 2) {
            return response;
        }
        try (response) {
            throw errorFor(status, response);
        }
    }

    private DockerException errorFor(int status, TransportResponse response) {
        if (status == 401) {
            return new UnauthorizedException(where());
        }
        String message = EngineMessages.read(response);
        if (status == 404) {
            return new NotFoundException(message);
        }
        return new EngineErrorException(status, "Error response from daemon (" + status + "): " + message);
    }

    private DockerException readFailure(String what, IOException e) {
        return new DockerException(what + ": " + FailureReasons.of(e), e);
    }

    static byte[] readCapped(InputStream in, int cap, String what) throws IOException {
        byte[] body = in.readNBytes(cap + 1);
        if (body.length > cap) {
            throw new IOException(what + ": answer larger than " + cap + " bytes");
        }
        return body;
    }

    static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * Closes the idle connections of the stats fan-out and of ordinary requests (streams stay): for
     * a caller whose next round is far off.
     */
    public void closeIdleConnections() {
        transport.closeIdle(Pool.FANOUT);
        transport.closeIdle(Pool.REQUEST);
    }

    /**
     * Rounds closer together than this keep the stats connections of the last one: reconnecting every
     * container every few seconds costs more (a TLS handshake each for a remote engine; on loopback TCP
     * 1 000 connections a second at 5 000 containers and 5 s, each leaving a TIME_WAIT socket) than
     * their memory (a socket and 20-30 KB of buffers each).
     */
    public static final Duration KEEP_IDLE_BETWEEN_ROUNDS_BELOW = Duration.ofSeconds(10);

    /**
     * Whether a request's connection ends with its answer ({@code Connection: close}) instead of
     * going back to the pool (event streams aside); see {@link #statsRoundsEvery}.
     */
    private volatile boolean oneUseConnections;

    /**
     * Tells how far apart this client's stats rounds are. From {@link #KEEP_IDLE_BETWEEN_ROUNDS_BELOW}
     * on, a round's connections are of no use to the next one ({@link #releaseAfterRound} closes
     * them), so every request but an event stream asks the engine to close its connection with the
     * answer. A stats connection then lives as long as its request, not until the round's slowest
     * answer (a new container's two ticks), and the event watchdog's ping between rounds leaves no
     * idle connection behind for up to an interval (the worker's open sockets at 100 environments x
     * 50 containers: docs/scale.md). The price: a round's
     * ping, list and info each open a connection of their own (a TLS handshake each for a remote
     * engine) instead of sharing one.
     */
    public void statsRoundsEvery(Duration interval) {
        oneUseConnections = interval.compareTo(KEEP_IDLE_BETWEEN_ROUNDS_BELOW) >= 0;
    }

    /**
     * After a round of a poller whose rounds are {@code interval} apart: the fan-out holds a connection
     * per container while a round runs; unless the next round is near
     * ({@link #KEEP_IDLE_BETWEEN_ROUNDS_BELOW}), they and the idle ordinary ones are closed instead of
     * sitting idle until then (100 environments of 50 containers: 5 000 of them, more than the
     * worker's heap). The event stream stays.
     */
    public void releaseAfterRound(Duration interval) {
        if (interval.compareTo(KEEP_IDLE_BETWEEN_ROUNDS_BELOW) >= 0) {
            closeIdleConnections();
        }
    }

    @Override
    public void close() {
        statsSource.close();
        transport.close();
    }
}

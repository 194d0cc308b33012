package dev.dockstat.core.api;

import com.fasterxml.jackson.core.type.TypeReference;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * The Docker Engine API calls dockstat makes, over any {@link Transport}. Thread-safe. Every
 * failure surfaces as a {@link DockerException} whose message is ready for a user; status codes
 * become exceptions here and nowhere else.
 *
 * <p>Default timeouts follow the Dockhand worker (PROTOCOL.md): ping 5 s, list 15 s, stats 10 s,
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

    private static final TypeReference<List<ContainerSummary>> CONTAINER_LIST = new TypeReference<>() {};

    private final Endpoint endpoint;
    private final Transport transport;
    private volatile ApiVersion version;
    private volatile long engineClockOffsetMillis;

    public DockerClient(Endpoint endpoint, Transport transport) {
        this.endpoint = endpoint;
        this.transport = transport;
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
                throw new UnsupportedEngineException("the engine at " + endpoint.display() + " speaks API " + engine
                        + "; dockstat needs " + ApiVersion.MIN + " or newer (Docker Engine 20.10+)");
            }
            version = ApiVersion.negotiate(engine);
            response.header("Date").ifPresent(this::learnEngineClock);
            return version;
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
        try {
            long engine = java.time.ZonedDateTime.parse(date, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant().toEpochMilli();
            long offset = engine - System.currentTimeMillis();
            // the header has whole seconds: only a skew beyond that precision is worth correcting
            engineClockOffsetMillis = Math.abs(offset) > 2000 ? offset : 0;
        } catch (java.time.format.DateTimeParseException ignored) {
            // no usable clock: keep ours
        }
    }

    /** The negotiated API version, pinging once if needed. */
    public ApiVersion version() {
        ApiVersion v = version;
        return v != null ? v : ping(PING_TIMEOUT);
    }

    /** {@code GET /containers/json}: running containers, or all with {@code all}. */
    public List<ContainerSummary> containers(boolean all) {
        return getJson("/containers/json?all=" + all, Pool.REQUEST, LIST_TIMEOUT, CONTAINER_LIST, "list containers");
    }

    /** How a stats reading is asked for; see STATS-REFERENCE.md "Engine facts". */
    public enum StatsMode {
        /** {@code stream=false&one-shot=true}: returns at the engine's next tick, without precpu. */
        ONE_SHOT("stream=false&one-shot=true"),
        /** {@code stream=false}: about 2 s, with precpu from one tick earlier. */
        WITH_PRECPU("stream=false");

        private final String query;

        StatsMode(String query) {
            this.query = query;
        }
    }

    /** {@code GET /containers/{id}/stats}; {@code idOrName} may be a name or an ID prefix. */
    public StatsSample stats(String idOrName, StatsMode mode) {
        return stats(idOrName, mode, STATS_TIMEOUT);
    }

    public StatsSample stats(String idOrName, StatsMode mode, Duration timeout) {
        String target = "/containers/" + encode(idOrName) + "/stats?" + mode.query;
        StatsJson json = getJson(target, Pool.FANOUT, timeout, new TypeReference<>() {}, "stats " + idOrName);
        return json.toSample();
    }

    /** {@code GET /containers/{id}/json}: resolves a name or ID prefix; 404 = {@link NotFoundException}. */
    public ContainerState inspect(String idOrName) {
        InspectJson json = getJson("/containers/" + encode(idOrName) + "/json", Pool.REQUEST, DEFAULT_TIMEOUT,
                new TypeReference<>() {}, "inspect " + idOrName);
        return json.toState();
    }

    /** {@code GET /info}, parsed. */
    public EngineInfo info() {
        return getJson("/info", Pool.REQUEST, INFO_TIMEOUT, new TypeReference<>() {}, "info");
    }

    /** {@code GET /system/df}, parsed (the engine may take seconds to size volumes). */
    public DiskUsage diskUsage() {
        return getJson("/system/df", Pool.REQUEST, DF_TIMEOUT, new TypeReference<>() {}, "disk usage");
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
        TransportResponse response = send(versioned("/events" + query.toQueryString(), Pool.STREAM, STREAM_OPEN_TIMEOUT));
        return new EventLines(response);
    }

    /**
     * A bounded events read (poll mode, or {@code --until}): {@code GET /events} on the request pool,
     * returning when the engine closes the response at {@code until}.
     */
    public EventLines eventsUntil(EventQuery query, Duration timeout) {
        TransportResponse response = send(versioned("/events" + query.toQueryString(), Pool.REQUEST, timeout));
        return new EventLines(response);
    }

    private <T> T getJson(String path, Pool pool, Duration timeout, TypeReference<T> type, String what) {
        try (TransportResponse response = send(versioned(path, pool, timeout))) {
            return Json.MAPPER.readValue(response.body(), type);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new MalformedResponseException(what + ": unreadable answer from " + endpoint.display()
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
            response = transport.execute(request);
        } catch (IOException e) {
            throw new EngineUnreachableException(endpoint.display(), FailureReasons.of(e), e);
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
            return new UnauthorizedException(endpoint.display());
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

    @Override
    public void close() {
        transport.close();
    }
}

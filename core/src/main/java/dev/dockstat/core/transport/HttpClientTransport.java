package dev.dockstat.core.transport;

import dev.dockstat.core.spi.PoolSizes;
import dev.dockstat.core.spi.Transport;
import dev.dockstat.core.spi.TransportRequest;
import dev.dockstat.core.spi.TransportResponse;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SchemePortResolver;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.DefaultHttpClientConnectionOperator;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.io.DetachedSocketFactory;
import org.apache.hc.client5.http.io.HttpClientConnectionOperator;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.URIScheme;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * A {@link Transport} over Apache HttpClient 5, one pooled client per {@link TransportRequest.Pool}.
 * Built-in plugins differ only in how a socket is made ({@link Connector}); HTTP itself is always
 * the library's.
 *
 * <p>Deadlines: HttpClient's timeouts bound each socket read, not a whole exchange, so a peer that
 * trickles bytes could hold a request forever. Each request therefore also gets a scheduled
 * cancel at its deadline ({@link Deadlines}); a cancelled request fails with
 * {@link SocketTimeoutException}.
 */
public final class HttpClientTransport implements Transport {

    private static final Timeout CONNECT_TIMEOUT = Timeout.ofSeconds(5);
    /**
     * A pooled connection idle this long is checked before reuse (a short read that finds a peer
     * that closed it). The unix transport answers that check from what has already arrived, so it
     * costs nothing there; junixsocket 2.10, used before, rounded it up to a whole second.
     */
    private static final TimeValue VALIDATE_AFTER = TimeValue.ofSeconds(2);
    /**
     * Per-connection I/O buffer, three a connection (input, line, output). HttpClient's default
     * (32 KiB) cost 7 MB of heap for the ~75 pooled connections of one environment at 60 containers.
     * What goes through it is small: a request is ~250 bytes, a stats answer's headers ~200, and a
     * body read of 512 bytes or more (Jackson asks for 8000) goes straight from the socket into the
     * reader's array, so a larger buffer only holds memory (and, for a connection made per round,
     * is allocated per round): 512 bytes a buffer is 1.5 KiB a connection, against 24 KiB at 8 KiB,
     * where serve-metrics keeps one connection per container of a fleet. A longer header line or
     * event line still fits: the line buffer grows as needed.
     */
    private static final int BUFFER_SIZE = 512;
    private static final ManagedHttpClientConnectionFactory CONNECTIONS = ManagedHttpClientConnectionFactory.builder()
            .http1Config(Http1Config.custom().setBufferSize(BUFFER_SIZE).build())
            .build();
    private static final TlsSocketStrategy NO_TLS = (socket, host, port, attachment, context) -> {
        throw new SSLException("TLS is not configured for this endpoint");
    };

    /**
     * How to reach the engine's socket.
     *
     * @param target the host the requests name ({@code Host} header, TLS verification name)
     * @param sockets makes unconnected sockets; null = plain TCP sockets
     * @param dns resolves {@code target}; null = the system resolver
     * @param tls upgrades a connected socket to TLS; null = no TLS
     * @param tcp whether the sockets are TCP (keep-alive probes notice a silently dead peer);
     *     false for unix sockets, which refuse TCP options
     */
    public record Connector(HttpHost target, DetachedSocketFactory sockets, DnsResolver dns, TlsSocketStrategy tls, boolean tcp) {

        /** The host the requests of a {@link #local} connector name; its sockets ignore it. */
        private static final HttpHost LOCAL_TARGET = new HttpHost("http", "localhost", 2375);

        /** Resolves every name to loopback without asking DNS: a local connector's name must never leave the machine. */
        private static final DnsResolver NO_DNS = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) {
                return new InetAddress[] {InetAddress.getLoopbackAddress()};
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };

        /**
         * A connector whose sockets reach one peer by other means than an IP address (a unix socket, a
         * child process's pipes): the requests name a fixed host, which never reaches DNS, and no TCP
         * options are set on the sockets.
         */
        public static Connector local(DetachedSocketFactory sockets) {
            return new Connector(LOCAL_TARGET, sockets, NO_DNS, null, false);
        }
    }

    /** Set on each request: the minimal client would otherwise name itself (Apache-HttpClient/5.x). */
    private static final BasicHeader USER_AGENT = new BasicHeader("User-Agent", "dockstat");

    private final HttpHost target;
    private final Connector connector;
    private final PoolSizes sizes;
    /** Built on first use: a command that never streams never pays for a stream pool. */
    private final Map<TransportRequest.Pool, PooledClient> pools = new EnumMap<>(TransportRequest.Pool.class);
    private final AtomicBoolean closed = new AtomicBoolean();

    private record PooledClient(PoolingHttpClientConnectionManager manager, CloseableHttpClient client) {}

    public HttpClientTransport(Connector connector, PoolSizes pools) {
        this.target = connector.target();
        this.connector = connector;
        this.sizes = pools;
    }

    private synchronized PooledClient pool(TransportRequest.Pool pool) throws IOException {
        if (closed.get()) {
            throw new IOException("transport closed");
        }
        PooledClient existing = pools.get(pool);
        if (existing != null) {
            return existing;
        }
        PoolingHttpClientConnectionManager manager = connectionManager(connector, sizes.of(pool));
        // The minimal client: lease, connect, send, receive, release, with the request's own timeouts
        // and cancellation. The full client's execution chain (retries, redirects, cookies, auth,
        // decompression) was all switched off here anyway, yet each request still went through it and
        // parsed its URI again for an auth scope: a third of the HTTP client's allocation per request.
        // It keeps no connection state either: HttpClient would otherwise tag a connection that sent a
        // client certificate with its principal and never lease it again to a request without one,
        // i.e. a new TLS handshake and a new pooled socket for every mTLS request.
        PooledClient created = new PooledClient(manager, HttpClients.createMinimal(manager));
        pools.put(pool, created);
        return created;
    }

    private static PoolingHttpClientConnectionManager connectionManager(Connector connector, int size) {
        PoolingHttpClientConnectionManagerBuilder builder = new OperatorBuilder(connector)
                .setMaxConnTotal(size)
                .setMaxConnPerRoute(size)
                .setConnectionFactory(CONNECTIONS)
                .setDefaultSocketConfig(socketConfig(connector.tcp()))
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(CONNECT_TIMEOUT)
                        .setValidateAfterInactivity(VALIDATE_AFTER)
                        .setTimeToLive(TimeValue.ofMinutes(10))
                        .build());
        if (connector.dns() != null) {
            builder.setDnsResolver(connector.dns());
        }
        // Without a strategy of ours the builder makes the JVM's default SSLContext, which costs
        // ~100 ms of start-up (trust store parsing) on every plain or unix-socket run.
        builder.setTlsSocketStrategy(connector.tls() != null ? connector.tls() : NO_TLS);
        return builder.build();
    }

    private static SocketConfig socketConfig(boolean tcp) {
        SocketConfig.Builder b = SocketConfig.custom().setTcpNoDelay(tcp);
        if (tcp) {
            b.setSoKeepAlive(true).setTcpKeepIdle(30).setTcpKeepInterval(10).setTcpKeepCount(3);
        } else {
            b.setSoKeepAlive(false).setTcpKeepIdle(-1).setTcpKeepInterval(-1).setTcpKeepCount(-1);
        }
        return b.build();
    }

    /** Lets a {@link Connector} supply the sockets, which the stock builder cannot. */
    private static final class OperatorBuilder extends PoolingHttpClientConnectionManagerBuilder {
        private final Connector connector;

        OperatorBuilder(Connector connector) {
            this.connector = connector;
        }

        @Override
        protected HttpClientConnectionOperator createConnectionOperator(
                SchemePortResolver ports, DnsResolver dns, TlsSocketStrategy tls) {
            if (connector.sockets() == null) {
                return super.createConnectionOperator(ports, dns, tls);
            }
            var tlsLookup = RegistryBuilder.<TlsSocketStrategy>create();
            if (tls != null) {
                tlsLookup.register(URIScheme.HTTPS.id, tls);
            }
            return new DefaultHttpClientConnectionOperator(connector.sockets(), ports, dns, tlsLookup.build());
        }
    }

    @Override
    public TransportResponse execute(TransportRequest request) throws IOException {
        CloseableHttpClient client = pool(request.pool()).client();
        HttpUriRequestBase http = new HttpUriRequestBase(request.method(), URI.create(target.toURI() + request.target()));
        http.addHeader(USER_AGENT);
        request.headers().forEach(http::addHeader);
        boolean stream = request.pool() == TransportRequest.Pool.STREAM;
        Timeout deadline = Timeout.of(request.timeout());
        http.setConfig(RequestConfig.custom()
                .setConnectionRequestTimeout(deadline)
                .setResponseTimeout(stream ? Timeout.DISABLED : deadline)
                .build());
        Deadlines.Handle handle = Deadlines.cancelAt(http, request.timeout());
        try {
            ClassicHttpResponse response = client.executeOpen(target, http, null);
            if (stream) {
                handle.disarm(); // the deadline covered the headers; a stream's body has none
            }
            return new HttpClientResponse(request, http, response, handle, stream);
        } catch (IOException | RuntimeException e) {
            handle.disarm();
            http.cancel();
            if (closed.get()) { // closed while this request waited for a connection ("Connection pool shut down")
                throw new IOException("transport closed", e);
            }
            if (handle.fired() || e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException)) {
                throw Deadlines.timeout(request, e);
            }
            throw e;
        }
    }

    @Override
    public void closeIdle(TransportRequest.Pool pool) {
        PooledClient p;
        synchronized (this) {
            p = pools.get(pool);
        }
        if (p != null) {
            p.manager().closeIdle(TimeValue.ZERO_MILLISECONDS);
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            synchronized (this) {
                for (PooledClient p : pools.values()) {
                    p.manager().close(CloseMode.IMMEDIATE);
                    p.client().close(CloseMode.IMMEDIATE);
                }
            }
        }
    }

    /** Connections currently open in one pool (leased or idle). */
    public synchronized int openConnections(TransportRequest.Pool pool) {
        PooledClient p = pools.get(pool);
        return p == null ? 0 : p.manager().getTotalStats().getLeased() + p.manager().getTotalStats().getAvailable();
    }

    /** Connections currently open in all pools (leased or idle), for leak checks. */
    public synchronized int openConnections() {
        return pools.values().stream()
                .mapToInt(p -> p.manager().getTotalStats().getLeased() + p.manager().getTotalStats().getAvailable())
                .sum();
    }
}

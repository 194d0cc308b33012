package dev.dockstat.exporter;

import com.sun.net.httpserver.Authenticator;
import com.sun.net.httpserver.HttpsConfigurator;
import dev.dockstat.core.env.MetricsEndpointSettings;
import dev.dockstat.core.spi.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * serve-metrics' settings as the user gave them (flags, named as on the command line), resolved
 * into {@link MetricsExporter.Settings}: the listen address parsed, basic auth and HTTPS from the
 * flags or else from the environments file's {@code metrics:} section, the password from the
 * environment or a file, never from the command line.
 *
 * @param listen {@code host:port}, {@code :port} or {@code [v6]:port}
 * @param basicAuthUser null for no basic auth from the flags
 * @param basicAuthPasswordFile null to read {@code DOCKSTAT_METRICS_PASSWORD}
 * @param tlsCert null (with {@code tlsKey}) for no HTTPS from the flags
 */
public record ServeOptions(String listen, Duration interval, int concurrency, String basicAuthUser,
        Path basicAuthPasswordFile, Path tlsCert, Path tlsKey) {

    /** A mistake in the options, worded for the user (a usage error). */
    public static final class Mistake extends RuntimeException {
        Mistake(String message) {
            super(message);
        }
    }

    /**
     * @param fromFile the environments file's {@code metrics:} section, read only once the
     *     address and interval are known to be right
     * @param env the process environment
     * @throws Mistake for options that are wrong together or alone
     */
    public MetricsExporter.Settings resolve(Callable<MetricsEndpointSettings> fromFile, Map<String, String> env) throws Exception {
        ListenAddress address = ListenAddress.parse(listen);
        if (interval.isZero() || interval.isNegative()) {
            throw new Mistake("--interval must be positive");
        }
        MetricsEndpointSettings file = fromFile.call();
        HttpsConfigurator https = https(file);
        return new MetricsExporter.Settings(address.host(), address.port(), interval, concurrency, authenticator(file, env), https);
    }

    /** Basic auth from the flags, else from the environments file's {@code metrics.basicAuth}, else none. */
    private Authenticator authenticator(MetricsEndpointSettings fromFile, Map<String, String> env) throws Exception {
        if (basicAuthUser == null) {
            if (basicAuthPasswordFile != null) {
                throw new Mistake("--basic-auth-password-file needs --basic-auth-user");
            }
            return fromFile.user().isEmpty() ? null : EndpointSecurity.basicAuth(fromFile.user().get(), fromFile.password().orElseThrow());
        }
        String password = basicAuthPasswordFile != null
                ? Files.readString(basicAuthPasswordFile).strip()
                : env.getOrDefault("DOCKSTAT_METRICS_PASSWORD", "");
        if (password.isEmpty()) {
            throw new Mistake("--basic-auth-user needs a password: set DOCKSTAT_METRICS_PASSWORD or give --basic-auth-password-file");
        }
        return EndpointSecurity.basicAuth(basicAuthUser, Secret.of(password, "metrics basic auth password"));
    }

    /** HTTPS from the flags, else from the environments file's {@code metrics.tls}, else plain HTTP. */
    private HttpsConfigurator https(MetricsEndpointSettings fromFile) throws Exception {
        if (tlsCert == null && tlsKey == null) {
            return fromFile.certificatePem().isEmpty() ? null
                    : EndpointSecurity.tls(fromFile.certificatePem().get(), fromFile.keyPem().orElseThrow());
        }
        if (tlsCert == null || tlsKey == null) {
            throw new Mistake("--tls-cert and --tls-key go together");
        }
        return EndpointSecurity.tls(Files.readString(tlsCert), Secret.of(Files.readString(tlsKey), tlsKey.toString()));
    }

    /** {@code host:port}, {@code :port} or {@code [v6]:port}. */
    record ListenAddress(String host, int port) {
        static ListenAddress parse(String value) {
            int colon = value.lastIndexOf(':');
            if (colon < 0) {
                throw new Mistake("--listen: expected HOST:PORT, got '" + value + "'");
            }
            String host = value.substring(0, colon).replace("[", "").replace("]", "");
            try {
                int port = Integer.parseInt(value.substring(colon + 1));
                if (port < 0 || port > 65535) {
                    throw new NumberFormatException();
                }
                return new ListenAddress(host.isEmpty() ? "127.0.0.1" : host, port);
            } catch (NumberFormatException e) {
                throw new Mistake("--listen: bad port in '" + value + "'");
            }
        }
    }
}

package dev.dockstat.exporter;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * {@code GET /metrics}: the format the Accept header asks for ({@link ExpositionFormat}), gzip
 * when Accept-Encoding allows it (Prometheus always does), with the answer's length known ahead,
 * so the cached parts go out as they are, with no copy into one buffer.
 */
final class MetricsHandler implements HttpHandler {

    private static final int WRITE_SIZE = 64 * 1024;

    private final Exposition exposition;
    private final ScrapeDemand demand;

    MetricsHandler(Exposition exposition, ScrapeDemand demand) {
        this.exposition = exposition;
        this.demand = demand;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String method = exchange.getRequestMethod();
            if (!"GET".equals(method) && !"HEAD".equals(method)) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            ExpositionFormat format = ExpositionFormat.negotiate(exchange.getRequestHeaders().getFirst("Accept"));
            boolean gzip = acceptsGzip(exchange.getRequestHeaders().get("Accept-Encoding"));
            demand.asked(format, gzip);
            Exposition.Body body = exposition.body(format, gzip);
            exchange.getResponseHeaders().set("Content-Type", exposition.contentType(format));
            if (gzip) {
                exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            }
            if ("HEAD".equals(method)) {
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            exchange.sendResponseHeaders(200, body.length());
            // Many parts, most small: written one by one, each became a TCP segment of its own,
            // and the peer's delayed ACKs held the next small one back (a 60-container scrape
            // took 80 ms instead of a few); gathered here, they leave in a few large writes.
            OutputStream out = new BufferedOutputStream(exchange.getResponseBody(), WRITE_SIZE);
            body.writeTo(out);
            out.flush();
        }
    }

    static boolean acceptsGzip(List<String> acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String value : acceptEncoding) {
            for (String coding : value.split(",")) {
                String c = coding.strip();
                int semicolon = c.indexOf(';');
                String name = semicolon < 0 ? c : c.substring(0, semicolon).strip();
                if (name.equalsIgnoreCase("gzip") && !c.replace(" ", "").endsWith(";q=0")) {
                    return true;
                }
            }
        }
        return false;
    }
}

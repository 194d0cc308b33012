package dev.dockstat.exporter;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.List;

/**
 * {@code GET /metrics}: the format the Accept header asks for ({@link ExpositionFormat}), gzip
 * when Accept-Encoding allows it (Prometheus always does), with the answer's length known ahead,
 * so the cached parts go out as they are, with no copy into one buffer.
 */
final class MetricsHandler implements HttpHandler {

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
            body.writeTo(exchange.getResponseBody());
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

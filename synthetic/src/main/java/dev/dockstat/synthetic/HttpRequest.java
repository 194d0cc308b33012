package dev.dockstat.synthetic;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 request as a Docker client sends it: a request line, headers, and at most a
 * {@code Content-Length} body (skipped: nothing here reads one).
 */
record HttpRequest(String method, String path, Map<String, String> query, Map<String, String> headers) {

    private static final int MAX_LINE = 16 * 1024;

    String param(String name) {
        return query.get(name);
    }

    boolean flag(String name, boolean otherwise) {
        String v = query.get(name);
        if (v == null) {
            return otherwise;
        }
        // dockerd's httputils.BoolValue: "", "0", "no", "false", "none" are false, anything else true
        return !(v.isEmpty() || v.equals("0") || v.equalsIgnoreCase("no") || v.equalsIgnoreCase("false")
                || v.equalsIgnoreCase("none"));
    }

    boolean keepAlive() {
        return !"close".equalsIgnoreCase(headers.getOrDefault("connection", ""));
    }

    boolean head() {
        return method.equals("HEAD");
    }

    /** The next request on a connection; null at a clean end of stream before one starts. */
    static HttpRequest read(InputStream in) throws IOException {
        String line = line(in);
        if (line == null) {
            return null;
        }
        while (line.isEmpty()) { // a stray CRLF between requests is allowed
            line = line(in);
            if (line == null) {
                return null;
            }
        }
        String[] parts = line.split(" ");
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.x request line: " + line);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
            int colon = h.indexOf(':');
            if (colon > 0) {
                headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
            }
        }
        long length = Long.parseLong(headers.getOrDefault("content-length", "0"));
        in.skipNBytes(length);
        String target = parts[1];
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        Map<String, String> query = new LinkedHashMap<>();
        if (q >= 0) {
            for (String pair : target.substring(q + 1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                // as Go's url.ParseQuery: '+' in a query is a space
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                query.putIfAbsent(k, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return new HttpRequest(parts[0], decodePath(path), query, headers);
    }

    /** A path keeps its '+' (only a query turns it into a space). */
    private static String decodePath(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                int end = b.length();
                if (end > 0 && b.charAt(end - 1) == '\r') {
                    b.setLength(end - 1);
                }
                return b.toString();
            }
            if (b.length() >= MAX_LINE) {
                throw new IOException("request line or header longer than " + MAX_LINE);
            }
            b.append((char) c);
        }
        if (b.length() == 0) {
            return null;
        }
        throw new IOException("connection closed inside a request");
    }
}

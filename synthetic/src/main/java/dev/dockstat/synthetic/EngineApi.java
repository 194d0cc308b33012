package dev.dockstat.synthetic;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Docker Engine API routes of one synthetic engine, answered as dockerd 20.10 answers them. */
final class EngineApi {

    static final String API_VERSION = "1.41";
    static final String MIN_API_VERSION = "1.12";
    static final String ENGINE_VERSION = "20.10.24";

    /** The headers dockerd's middleware puts on every answer. */
    static final Map<String, String> HEADERS = Map.of(
            "Api-Version", API_VERSION,
            "Docker-Experimental", "false",
            "Ostype", "linux",
            "Server", "Docker/" + ENGINE_VERSION + " (linux)");

    private static final Pattern VERSIONED = Pattern.compile("^/v([0-9]+(?:\\.[0-9]+)*)(/.*)$");
    private static final Pattern CONTAINER = Pattern.compile("^/containers/([^/]+)/(json|stats)$");

    private final SyntheticEngine engine;
    private final EngineDocuments documents;
    private final StatsAnswers stats;
    private final EventsAnswer eventsAnswer;

    EngineApi(SyntheticEngine engine) {
        this.engine = engine;
        this.documents = new EngineDocuments(engine);
        this.stats = new StatsAnswers(engine);
        this.eventsAnswer = new EventsAnswer(engine);
    }

    Response handle(HttpRequest request) {
        String path = request.path();
        Matcher v = VERSIONED.matcher(path);
        if (v.matches()) {
            String problem = versionProblem(v.group(1));
            if (problem != null) {
                engine.counters.request(ConnectionCounters.Kind.OTHER);
                return Response.error(400, problem);
            }
            path = v.group(2);
        }
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            engine.counters.request(ConnectionCounters.Kind.OTHER);
            return Response.error(404, "page not found");
        }
        switch (path) {
            case "/_ping" -> {
                engine.counters.request(ConnectionCounters.Kind.PING);
                byte[] ok = request.head() ? new byte[0] : "OK".getBytes(StandardCharsets.US_ASCII);
                return new Response.Whole(200, "text/plain; charset=utf-8", ok,
                        Map.of("Cache-Control", "no-cache, no-store, must-revalidate", "Pragma", "no-cache"));
            }
            case "/version" -> {
                engine.counters.request(ConnectionCounters.Kind.VERSION);
                return Response.json(documents.version());
            }
            case "/info" -> {
                engine.counters.request(ConnectionCounters.Kind.INFO);
                return Response.json(documents.info());
            }
            case "/containers/json" -> {
                engine.counters.request(ConnectionCounters.Kind.CONTAINERS);
                return documents.containerList(request);
            }
            case "/events" -> {
                engine.counters.request(ConnectionCounters.Kind.EVENTS);
                return eventsAnswer.answer(request);
            }
            case "/system/df" -> {
                engine.counters.request(ConnectionCounters.Kind.DF);
                return Response.json(documents.diskUsage());
            }
            default -> {
                Matcher c = CONTAINER.matcher(path);
                if (c.matches()) {
                    boolean isStats = c.group(2).equals("stats");
                    engine.counters.request(isStats ? ConnectionCounters.Kind.STATS : ConnectionCounters.Kind.INSPECT);
                    SyntheticContainer container = engine.find(c.group(1));
                    if (container == null) {
                        return Response.error(404, "No such container: " + c.group(1));
                    }
                    return isStats ? stats.answer(container, request) : Response.json(documents.inspect(container));
                }
                engine.counters.request(ConnectionCounters.Kind.OTHER);
                return Response.error(404, "page not found");
            }
        }
    }

    /** dockerd's version middleware: too new or too old is a 400. */
    private static String versionProblem(String asked) {
        if (compare(asked, API_VERSION) > 0) {
            return "client version " + asked + " is too new. Maximum supported API version is " + API_VERSION;
        }
        if (compare(asked, MIN_API_VERSION) < 0) {
            return "client version " + asked + " is too old. Minimum supported API version is " + MIN_API_VERSION
                    + ", please upgrade your client to a newer version";
        }
        return null;
    }

    static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int p = i < x.length ? Integer.parseInt(x[i]) : 0;
            int q = i < y.length ? Integer.parseInt(y[i]) : 0;
            if (p != q) {
                return Integer.compare(p, q);
            }
        }
        return 0;
    }
}

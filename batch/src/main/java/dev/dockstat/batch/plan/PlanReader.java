package dev.dockstat.batch.plan;

import static dev.dockstat.core.yaml.Suggestions.didYouMean;

import dev.dockstat.core.source.SourceChoice;
import dev.dockstat.core.time.GoDuration;
import dev.dockstat.core.yaml.Fields;
import dev.dockstat.core.yaml.Problems;
import dev.dockstat.core.yaml.Wording;
import dev.dockstat.core.yaml.YamlSyntaxException;
import dev.dockstat.core.yaml.YamlTree;
import dev.dockstat.core.yaml.YamlTree.Mapping;
import dev.dockstat.core.yaml.YamlTree.Node;
import dev.dockstat.core.yaml.YamlTree.Position;
import dev.dockstat.core.yaml.YamlTree.Scalar;
import dev.dockstat.core.yaml.YamlTree.Sequence;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and validates a plan file. Every problem is collected with its location, so the user sees
 * all of them at once ({@code PLAN.yaml:LINE:COL: message}); nothing runs unless there are none.
 */
public final class PlanReader {

    /** The outcome: a plan, or the problems that prevent one. */
    public record Result(Plan plan, Problems problems) {
        public boolean ok() {
            return plan != null;
        }
    }

    private static final Set<String> TOP = Set.of("version", "source", "environments", "jobs");
    private static final Set<String> ENV = Set.of("host", "tls", "token");
    private static final Set<String> TLS = Set.of("ca", "cert", "key", "skipVerify", "serverName");
    private static final Set<String> JOB = Set.of("name", "environments", "stats", "events", "df", "output");
    private static final Set<String> STATS = Set.of("interval", "duration", "samples", "containers", "includeStopped");
    private static final Set<String> CONTAINERS = Set.of("names", "labels");
    private static final Set<String> EVENTS = Set.of("duration", "filters");
    private static final Set<String> DF = Set.of("every", "duration");
    private static final Set<String> OUTPUT = Set.of("path", "format", "gzip");
    private static final Set<String> SECRET = Set.of("env", "file");
    private static final Set<String> PLACEHOLDERS = Set.of("env", "job", "date", "time");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");
    private static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(2);
    private static final Wording WORDING = PlanWording.INSTANCE;
    /** How the plan's top level is called in messages. */
    static final String TOP_LEVEL = "the plan";

    private final Map<String, String> processEnv;

    /** @param processEnv the process environment, for {@code {env: VAR}} references */
    public PlanReader(Map<String, String> processEnv) {
        this.processEnv = Map.copyOf(processEnv);
    }

    public Result read(Path file) {
        Problems problems = new Problems();
        Position start = new Position(file, 1, 1);
        if (Files.isDirectory(file)) {
            problems.add(start, "cannot read the plan: a directory, not a file");
            return new Result(null, problems);
        }
        try {
            return read(file, Files.readString(file), problems);
        } catch (IOException e) {
            problems.add(start, "cannot read the plan: " + switch (e) {
                case NoSuchFileException missing -> "no such file";
                case AccessDeniedException denied -> "permission denied";
                default -> e.getMessage() == null ? "unreadable" : e.getMessage();
            });
            return new Result(null, problems);
        }
    }

    Result read(Path file, String text, Problems problems) {
        Node root = root(file, text, problems);
        if (root == null) {
            return new Result(null, problems);
        }
        Fields top = Fields.of(root, TOP_LEVEL, problems, WORDING, TOP);
        if (top == null) {
            return new Result(null, problems);
        }
        Map<String, Plan.EnvSpec> envs = environments(top, problems);
        List<Plan.Job> jobs = jobs(top, envs, problems);
        SourceChoice source = source(top);
        return problems.isEmpty() ? new Result(new Plan(file, envs, jobs, source), problems) : new Result(null, problems);
    }

    /** The document's root, or null when the text is not YAML (the problem is recorded). */
    private static Node root(Path file, String text, Problems problems) {
        if (text.isBlank()) {
            problems.add(new Position(file, 1, 1), "the file is empty");
            return null;
        }
        try {
            return YamlTree.parse(file, text);
        } catch (YamlSyntaxException e) {
            String hint = e.problem().contains("flow") || e.problem().contains("'}'")
                    ? " (inside { } quote values that contain braces, e.g. path: \"out/{env}.csv\")" : "";
            problems.add(e.at(), e.problem() + hint);
            return null;
        }
    }

    /** {@code key}'s text; a missing one is a problem when {@code required}. */
    private static Optional<String> text(Fields f, String key, boolean required) {
        if (required && !f.has(key)) {
            missing(f, key, "");
        }
        return f.text(key);
    }

    private static void missing(Fields f, String key, String why) {
        f.problem(f.at(), f.where() + ": missing '" + key + "'" + (why.isEmpty() ? "" : " (" + why + ")"));
    }

    /** A positive duration such as {@code 2s} or {@code 1m30s}. */
    private static Optional<Duration> duration(Fields f, String key, boolean required) {
        Node n = f.node(key);
        if (n == null) {
            if (required) {
                missing(f, key, "a duration such as 30s or 5m");
            }
            return Optional.empty();
        }
        if (!(n instanceof Scalar s) || !s.isText()) {
            f.wrongType(key, "a duration such as 2s or 1m", n);
            return Optional.empty();
        }
        String where = f.where() + "." + key;
        try {
            Duration d = GoDuration.parse(s.text());
            if (d.isZero() || d.isNegative()) {
                f.problem(n.at(), where + " must be more than 0, got " + s.text());
                return Optional.empty();
            }
            return Optional.of(d);
        } catch (IllegalArgumentException e) {
            f.problem(n.at(), where + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /** {@code source: auto|engine|kernel}, as {@code --source} of stats; auto when not given. */
    private static SourceChoice source(Fields top) {
        Optional<String> given = top.text("source");
        try {
            return given.map(SourceChoice::parse).orElse(SourceChoice.AUTO);
        } catch (IllegalArgumentException e) {
            List<String> known = Arrays.stream(SourceChoice.values()).map(SourceChoice::label).toList();
            top.problem(top.node("source").at(), "source must be auto, engine or kernel, got '" + given.get() + "'"
                    + didYouMean(given.get(), known));
            return SourceChoice.AUTO;
        }
    }

    // ---- environments -----------------------------------------------------------------------

    private Map<String, Plan.EnvSpec> environments(Fields top, Problems problems) {
        Map<String, Plan.EnvSpec> envs = new LinkedHashMap<>();
        Node node = top.node("environments");
        if (node == null) {
            missing(top, "environments", "the engines to collect from");
            return envs;
        }
        if (!(node instanceof Mapping map) || map.entries().isEmpty()) {
            problems.add(node.at(), "environments must be a mapping of names to engines, got " + WORDING.describe(node));
            return envs;
        }
        map.entries().forEach((name, entry) -> {
            if (!NAME.matcher(name).matches()) {
                problems.add(entry.keyAt(), "environment name '" + name + "' may use letters, digits, '.', '_' and '-' only");
            }
            Fields f = Fields.of(entry.value(), "environment '" + name + "'", problems, WORDING, ENV);
            if (f != null) {
                envs.put(name, environment(name, f, problems));
            }
        });
        return envs;
    }

    private Plan.EnvSpec environment(String name, Fields f, Problems problems) {
        String host = text(f, "host", true).orElse("");
        if (!host.isEmpty() && !host.matches("(unix|tcp|http|https)://.+|/.+")) {
            f.problem(f.node("host").at(), "environment '" + name + "'.host must be unix:///path, tcp://host:port or https://host:port, got '" + host + "'");
        }
        Optional<Plan.TlsSpec> tls = Optional.empty();
        if (f.has("tls")) {
            Fields t = Fields.of(f.node("tls"), "environment '" + name + "'.tls", problems, WORDING, TLS);
            if (t != null) {
                tls = Optional.of(new Plan.TlsSpec(file(t, "ca"), file(t, "cert"), secret(t, "key", problems),
                        t.bool("skipVerify").orElse(false), t.text("serverName")));
            }
        }
        return new Plan.EnvSpec(name, host, tls, secret(f, "token", problems));
    }

    private Optional<Path> file(Fields f, String key) {
        return f.text(key).map(p -> {
            Path path = Path.of(p);
            if (!Files.isReadable(path)) {
                f.problem(f.node(key).at(), key + ": cannot read file " + p);
            }
            return path;
        });
    }

    /** {@code {env: VAR}} or {@code {file: PATH}}; a literal secret is refused. */
    private Optional<SecretRef> secret(Fields owner, String key, Problems problems) {
        Node node = owner.node(key);
        if (node == null) {
            return Optional.empty();
        }
        if (node instanceof Scalar) {
            problems.add(node.at(), key + ": give a reference ({env: VAR} or {file: PATH}), not the secret itself");
            return Optional.empty();
        }
        Fields ref = Fields.of(node, key, problems, WORDING, SECRET);
        if (ref == null) {
            return Optional.empty();
        }
        if (ref.has("env") == ref.has("file")) {
            problems.add(node.at(), key + ": give exactly one of env or file");
            return Optional.empty();
        }
        if (ref.has("env")) {
            return text(ref, "env", true).map(var -> {
                if (!processEnv.containsKey(var)) {
                    problems.add(ref.node("env").at(), key + ": environment variable " + var + " is not set");
                }
                return new SecretRef(SecretRef.Kind.ENV, var);
            });
        }
        return text(ref, "file", true).map(p -> {
            if (!Files.isReadable(Path.of(p))) {
                problems.add(ref.node("file").at(), key + ": cannot read file " + p);
            }
            return new SecretRef(SecretRef.Kind.FILE, p);
        });
    }

    // ---- jobs -------------------------------------------------------------------------------

    private List<Plan.Job> jobs(Fields top, Map<String, Plan.EnvSpec> envs, Problems problems) {
        List<Plan.Job> jobs = new ArrayList<>();
        Node node = top.node("jobs");
        if (node == null) {
            missing(top, "jobs", "what to collect");
            return jobs;
        }
        if (!(node instanceof Sequence list) || list.items().isEmpty()) {
            problems.add(node.at(), "jobs must be a list of jobs, got " + WORDING.describe(node));
            return jobs;
        }
        Map<String, Position> names = new HashMap<>();
        Map<String, String> paths = new HashMap<>();
        int index = 0;
        for (Node item : list.items()) {
            index++;
            Fields f = Fields.of(item, jobLabel(item, index), problems, WORDING, JOB);
            if (f != null) {
                Plan.Job job = job(f, index, envs, problems);
                if (job != null) {
                    checkUnique(job, f, names, paths, problems);
                    jobs.add(job);
                }
            }
        }
        return jobs;
    }

    /** {@code job 'web'} when the job has a readable name, else {@code job 3}. */
    private static String jobLabel(Node item, int index) {
        if (item instanceof Mapping m && m.entries().get("name") instanceof YamlTree.Entry e && e.value() instanceof Scalar s && s.isText()) {
            return "job '" + s.text() + "'";
        }
        return "job " + index;
    }

    private Plan.Job job(Fields f, int index, Map<String, Plan.EnvSpec> envs, Problems problems) {
        String name = text(f, "name", true).orElse("job" + index);
        if (f.has("name") && !NAME.matcher(name).matches()) {
            f.problem(f.node("name").at(), "job name '" + name + "' may use letters, digits, '.', '_' and '-' only");
        }
        String where = "job '" + name + "'";
        List<String> targets = jobEnvironments(f, where, envs, problems);
        Plan.Collect collect = collect(f, where, problems);
        Plan.Output output = null;
        if (!f.has("output")) {
            missing(f, "output", "where the results go");
        } else {
            Fields o = Fields.of(f.node("output"), where + ".output", problems, WORDING, OUTPUT);
            if (o != null) {
                output = output(o, where, targets.size() > 1, problems);
            }
        }
        return collect == null || output == null ? null : new Plan.Job(name, targets, collect, output);
    }

    private List<String> jobEnvironments(Fields f, String where, Map<String, Plan.EnvSpec> envs, Problems problems) {
        if (!f.has("environments")) {
            return List.copyOf(envs.keySet());
        }
        List<String> names = f.texts("environments");
        Node node = f.node("environments");
        List<Node> items = node instanceof Sequence l ? l.items() : List.of(node);
        for (int i = 0; i < names.size() && i < items.size(); i++) {
            if (!envs.containsKey(names.get(i))) {
                problems.add(items.get(i).at(), where + ": unknown environment '" + names.get(i) + "'"
                        + didYouMean(names.get(i), envs.keySet()) + "; defined: " + String.join(", ", envs.keySet()));
            }
        }
        return names;
    }

    private Plan.Collect collect(Fields f, String where, Problems problems) {
        List<String> kinds = List.of("stats", "events", "df").stream().filter(f::has).toList();
        if (kinds.size() != 1) {
            f.problem(f.at(), where + " must have exactly one of stats, events or df"
                    + (kinds.isEmpty() ? "" : " (has " + String.join(", ", kinds) + ")"));
            return null;
        }
        String kind = kinds.get(0);
        Fields c = Fields.of(f.node(kind), where + "." + kind, problems, WORDING, switch (kind) {
            case "stats" -> STATS;
            case "events" -> EVENTS;
            default -> DF;
        });
        if (c == null) {
            return null;
        }
        return switch (kind) {
            case "stats" -> stats(c, where, problems);
            case "events" -> events(c, where, problems);
            default -> diskUsage(c, where);
        };
    }

    private Plan.Stats stats(Fields s, String where, Problems problems) {
        // every field is read (and so checked) before deciding whether a job can be built
        Optional<Duration> givenInterval = duration(s, "interval", false);
        Optional<Duration> duration = duration(s, "duration", false);
        Optional<Integer> samples = s.wholeNumber("samples", 1, Integer.MAX_VALUE).map(Long::intValue);
        boolean includeStopped = s.bool("includeStopped").orElse(false);
        List<String> names = List.of();
        Map<String, String> labels = Map.of();
        if (s.has("containers")) {
            Fields c = Fields.of(s.node("containers"), where + ".stats.containers", problems, WORDING, CONTAINERS);
            if (c != null) {
                names = c.texts("names");
                labels = c.textMap("labels");
            }
        }
        if (s.has("duration") == s.has("samples")) {
            s.problem(s.at(), where + ".stats needs exactly one of duration or samples");
            return null;
        }
        Duration interval = givenInterval.orElse(DEFAULT_INTERVAL);
        if (duration.isPresent() && duration.get().compareTo(interval) < 0) {
            s.problem(s.node("duration").at(), where + ".stats.duration (" + duration.get().toMillis()
                    + " ms) is shorter than the interval (" + interval.toMillis() + " ms)");
        }
        if (duration.isEmpty() && samples.isEmpty() || s.has("interval") && givenInterval.isEmpty()) {
            return null;
        }
        return new Plan.Stats(interval, duration, samples, names, labels, includeStopped);
    }

    private Plan.Events events(Fields e, String where, Problems problems) {
        Optional<Duration> duration = duration(e, "duration", true);
        Map<String, List<String>> filters = new LinkedHashMap<>();
        if (e.has("filters")) {
            Fields f = Fields.of(e.node("filters"), where + ".events.filters", problems, WORDING,
                    Set.of("type", "container", "event", "image", "label", "network", "volume", "daemon", "scope"));
            if (f != null) {
                for (String key : List.of("type", "container", "event", "image", "label", "network", "volume", "daemon", "scope")) {
                    List<String> values = f.texts(key);
                    if (!values.isEmpty()) {
                        filters.put(key, values);
                    }
                }
            }
        }
        return duration.map(d -> new Plan.Events(d, filters)).orElse(null);
    }

    private Plan.DiskUsage diskUsage(Fields d, String where) {
        Optional<Duration> every = duration(d, "every", false);
        Optional<Duration> duration = duration(d, "duration", d.has("every"));
        if (!d.has("every") && d.has("duration")) {
            d.problem(d.node("duration").at(), where + ".df.duration needs df.every (without it, df runs once)");
        }
        if (every.isPresent() && duration.isEmpty()) {
            return null;
        }
        return new Plan.DiskUsage(every, duration.orElse(Duration.ZERO));
    }

    private Plan.Output output(Fields o, String where, boolean severalEnvs, Problems problems) {
        String path = text(o, "path", true).orElse(null);
        if (path == null) {
            return null;
        }
        Position at = o.node("path").at();
        Matcher m = PLACEHOLDER.matcher(path);
        boolean hasEnv = false;
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group(1))) {
                problems.add(at, where + ".output.path: unknown placeholder {" + m.group(1) + "}"
                        + didYouMean(m.group(1), PLACEHOLDERS) + "; known: {env}, {job}, {date}, {time}");
            }
            hasEnv |= m.group(1).equals("env");
        }
        if (severalEnvs && !hasEnv) {
            problems.add(at, where + ".output.path must contain {env}: the job runs on several environments");
        }
        boolean gzip = o.bool("gzip").orElse(path.endsWith(".gz"));
        String bare = path.endsWith(".gz") ? path.substring(0, path.length() - 3) : path;
        Plan.Format format = bare.endsWith(".csv") ? Plan.Format.CSV : Plan.Format.NDJSON;
        Optional<String> given = o.text("format");
        if (given.isPresent()) {
            switch (given.get().toLowerCase(Locale.ROOT)) {
                case "ndjson", "json" -> format = Plan.Format.NDJSON;
                case "csv" -> format = Plan.Format.CSV;
                default -> problems.add(o.node("format").at(), where + ".output.format must be ndjson or csv, got '"
                        + given.get() + "'" + didYouMean(given.get(), List.of("ndjson", "csv")));
            }
        }
        return new Plan.Output(path, format, gzip);
    }

    private static void checkUnique(Plan.Job job, Fields f, Map<String, Position> names, Map<String, String> paths,
            Problems problems) {
        Position at = f.has("name") ? f.node("name").at() : f.at();
        Position first = names.putIfAbsent(job.name(), at);
        if (first != null) {
            problems.add(at, "job name '" + job.name() + "' is used twice (first at line " + first.line() + ")");
        }
        String path = job.output().path().replace("{job}", job.name());
        String other = paths.putIfAbsent(path, job.name());
        if (other != null) {
            problems.add(f.node("output").at(), "job '" + job.name() + "' writes to the same output as job '" + other + "'");
        }
    }
}

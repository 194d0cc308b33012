package dev.dockstat.cli.render;

import dev.dockstat.cli.render.template.GoFormat;
import dev.dockstat.cli.render.template.GoJson;
import dev.dockstat.core.df.DiskUsage;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * {@code docker system df} output, from the docker CLI's disk usage formatter: the summary (a
 * table, JSON lines or a template over Type, TotalCount, Active, Size, Reclaimable), and with
 * {@code -v} the four detail tables or one JSON document. Sizes in go-units (4 significant digits in
 * the summary, 3 in most detail columns, as docker mixes them).
 *
 * @param now the reference for "2 hours ago"
 * @param zone for Go-style dates in JSON
 */
public record DiskUsageFormat(Instant now, ZoneId zone) {

    public static final String SUMMARY_TABLE = "{{.Type}}\t{{.TotalCount}}\t{{.Active}}\t{{.Size}}\t{{.Reclaimable}}";
    private static final List<String> SUMMARY_FIELDS = List.of("Type", "TotalCount", "Active", "Size", "Reclaimable");
    private static final Map<String, String> SUMMARY_HEADERS = Map.of("Type", "TYPE", "TotalCount", "TOTAL",
            "Active", "ACTIVE", "Size", "SIZE", "Reclaimable", "RECLAIMABLE");

    /** Parses the summary's --format ({@code table}, {@code json}, a template). */
    public static RowFormat summaryFormat(String format) {
        return RowFormat.parse(format, SUMMARY_TABLE, SUMMARY_FIELDS, "*formatter.diskUsageImagesContext");
    }

    /** {@code docker system df}. */
    public String summary(DiskUsage du, RowFormat format) {
        StringBuilder out = new StringBuilder();
        if (format.isTable()) {
            out.append(format.header(SUMMARY_HEADERS)).append('\n');
        }
        for (DiskUsage.Totals t : du.totals()) {
            Function<String, String> row = field -> switch (field) {
                case "Type" -> t.type();
                case "TotalCount" -> Long.toString(t.total());
                case "Active" -> Long.toString(t.active());
                case "Size" -> DockerUnits.decimal4(t.size());
                case "Reclaimable" -> t.percentBase() > 0
                        ? DockerUnits.decimal4(t.reclaimable()) + " (" + t.reclaimable() * 100 / t.percentBase() + "%)"
                        : DockerUnits.decimal4(t.reclaimable());
                default -> throw new IllegalArgumentException(field);
            };
            out.append(format.row(row, SUMMARY_FIELDS, rowType(t.type()))).append('\n');
        }
        return format.isTable() ? TabTable.align(out.toString()) : out.toString();
    }

    /** The docker CLI's Go type for each summary row, as its template errors name them. */
    private static String rowType(String type) {
        return switch (type) {
            case "Images" -> "*formatter.diskUsageImagesContext";
            case "Containers" -> "*formatter.diskUsageContainersContext";
            case "Local Volumes" -> "*formatter.diskUsageVolumesContext";
            default -> "*formatter.diskUsageBuilderContext";
        };
    }

    /** {@code docker system df -v}: the four tables. */
    public String verboseTables(DiskUsage du) {
        StringBuilder out = new StringBuilder("Images space usage:\n\n");
        TabTable images = new TabTable().add("REPOSITORY\tTAG\tIMAGE ID\tCREATED\tSIZE\tSHARED SIZE\tUNIQUE SIZE\tCONTAINERS");
        for (ImageRow i : imageRows(du, true)) {
            images.add(String.join("\t", i.repository(), i.tag(), i.id(), i.createdSince(), i.size(), i.sharedSize(),
                    i.uniqueSize(), i.containers()));
        }
        out.append(images.render());

        out.append("\nContainers space usage:\n\n");
        TabTable containers = new TabTable()
                .add("CONTAINER ID\tIMAGE\tCOMMAND\tLOCAL VOLUMES\tSIZE\tCREATED\tSTATUS\tNAMES");
        for (DiskUsage.Container c : du.containers()) {
            containers.add(String.join("\t", GoText.truncateId(c.id()), image(c, true), command(c, true),
                    localVolumes(c), DockerUnits.decimal(c.sizeRw()), ago(c.created()), c.status(), names(c, true)));
        }
        out.append(containers.render());

        out.append("\nLocal Volumes space usage:\n\n");
        TabTable volumes = new TabTable().add("VOLUME NAME\tLINKS\tSIZE");
        for (DiskUsage.Volume v : du.volumes()) {
            volumes.add(String.join("\t", v.name(), links(v), volumeSize(v)));
        }
        out.append(volumes.render());

        out.append("\nBuild cache usage: ").append(DockerUnits.decimal4(du.builderSize())).append("\n\n");
        TabTable cache = new TabTable().add("CACHE ID\tCACHE TYPE\tSIZE\tCREATED\tLAST USED\tUSAGE\tSHARED");
        for (DiskUsage.BuildCache b : du.buildCacheByLastUse()) {
            cache.add(String.join("\t", cacheId(b, true), nz(b.type()), DockerUnits.decimal(b.size()),
                    sinceRfc3339(b.createdAt()), sinceRfc3339(b.lastUsedAt()), Integer.toString(b.usageCount()),
                    Boolean.toString(b.shared())));
        }
        out.append(cache.render());
        return out.toString();
    }

    /** {@code docker system df -v --format json}: one document, without a final newline (as docker). */
    public String verboseJson(DiskUsage du) {
        StringBuilder out = new StringBuilder("{\"Images\":[");
        join(out, imageRows(du, false), i -> object(Map.of(
                "Containers", i.containers(), "CreatedAt", i.createdAt(), "CreatedSince", i.createdSince(),
                "Digest", "", "ID", i.id(), "Repository", i.repository(), "SharedSize", i.sharedSize(),
                "Size", i.size(), "Tag", i.tag(), "UniqueSize", i.uniqueSize()), "VirtualSize", i.virtualSize()));
        out.append("],\"Containers\":[");
        join(out, du.containers(), c -> {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("Command", command(c, false));
            m.put("CreatedAt", GoText.goTime(Instant.ofEpochSecond(c.created()), zone));
            m.put("ID", c.id());
            m.put("Image", image(c, false));
            m.put("Labels", labels(c.labels()));
            m.put("LocalVolumes", localVolumes(c));
            m.put("Mounts", mounts(c));
            m.put("Names", names(c, false));
            m.put("Networks", String.join(",", c.networks()));
            m.put("Ports", DockerPorts.display(c.ports()));
            m.put("RunningFor", ago(c.created()));
            m.put("Size", DockerUnits.decimal(c.sizeRw()));
            m.put("State", c.state());
            m.put("Status", c.status());
            return object(m, "Platform", null);
        });
        out.append("],\"Volumes\":[");
        join(out, du.volumes(), v -> object(Map.of("Availability", "N/A", "Driver", nz(v.driver()), "Group", "N/A",
                "Labels", labels(v.labels()), "Links", links(v), "Mountpoint", nz(v.mountpoint()), "Name", nz(v.name()),
                "Scope", nz(v.scope()), "Size", volumeSize(v), "Status", "N/A"), null, null));
        out.append("],\"BuildCache\":[");
        join(out, du.buildCacheByLastUse(), b -> {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("CacheType", nz(b.type()));
            m.put("CreatedAt", goTimeRfc3339(b.createdAt()));
            m.put("CreatedSince", sinceRfc3339(b.createdAt()));
            m.put("Description", nz(b.description()));
            m.put("ID", cacheId(b, false));
            m.put("InUse", Boolean.toString(b.inUse()));
            m.put("LastUsedAt", b.lastUsedAt() == null ? "" : goTimeRfc3339(b.lastUsedAt()));
            m.put("LastUsedSince", sinceRfc3339(b.lastUsedAt()));
            m.put("Parent", String.join(", ", b.parents()));
            m.put("Shared", Boolean.toString(b.shared()));
            m.put("Size", DockerUnits.decimal(b.size()));
            m.put("UsageCount", Integer.toString(b.usageCount()));
            return object(m, null, null);
        });
        return out.append("]}").toString();
    }

    /** One image line of {@code -v}; {@code trunc} for the table (short IDs). */
    private record ImageRow(String repository, String tag, String id, String createdSince, String createdAt,
            String size, String sharedSize, String uniqueSize, String containers, String virtualSize) {}

    private List<ImageRow> imageRows(DiskUsage du, boolean trunc) {
        List<ImageRow> rows = new ArrayList<>();
        for (DiskUsage.Image i : du.images()) {
            String repo = "<none>";
            String tag = "<none>";
            if (!i.repoTags().isEmpty() && !dangling(i)) {
                ImageReference ref = ImageReference.parse(i.repoTags().get(0));
                if (ref == null) {
                    continue; // docker skips an image whose first tag does not parse
                }
                if (ref.tag() != null) {
                    repo = ref.familiarName();
                    tag = ref.tag();
                }
            }
            rows.add(new ImageRow(repo, tag, trunc ? GoText.truncateId(i.id()) : i.id(), ago(i.created()),
                    GoText.goTime(Instant.ofEpochSecond(i.created()), zone), DockerUnits.decimal(i.size()),
                    i.sharedSize() == -1 ? "N/A" : DockerUnits.decimal4(i.sharedSize()),
                    i.size() == -1 || i.sharedSize() == -1 ? "N/A" : DockerUnits.decimal4(i.size() - i.sharedSize()),
                    i.containers() == -1 ? "N/A" : Long.toString(i.containers()), DockerUnits.decimal4(i.size())));
        }
        return rows;
    }

    private static boolean dangling(DiskUsage.Image i) {
        if (i.repoTags().isEmpty() && i.repoDigests().isEmpty()) {
            return true;
        }
        return i.repoTags().equals(List.of("<none>:<none>")) && i.repoDigests().equals(List.of("<none>@<none>"));
    }

    private static String image(DiskUsage.Container c, boolean trunc) {
        if (c.image().isEmpty()) {
            return "<no image>";
        }
        if (!trunc) {
            return c.image();
        }
        if (GoText.truncateId(c.imageId()).equals(GoText.truncateId(c.image()))) {
            return GoText.truncateId(c.image());
        }
        ImageReference ref = ImageReference.parse(c.image());
        return ref == null ? c.image() : ref.familiarWithoutDigest();
    }

    private static String command(DiskUsage.Container c, boolean trunc) {
        return GoFormat.quote(trunc ? GoText.ellipsis(c.command(), 20) : c.command());
    }

    private static String localVolumes(DiskUsage.Container c) {
        return Long.toString(c.mounts().stream().filter(m -> "local".equals(m.driver())).count());
    }

    private static String mounts(DiskUsage.Container c) {
        List<String> names = new ArrayList<>();
        for (DiskUsage.Mount m : c.mounts()) {
            names.add(m.name() == null || m.name().isEmpty() ? nz(m.source()) : m.name());
        }
        return String.join(",", names);
    }

    /** The first name that is not a legacy link when truncated; all of them otherwise. */
    private static String names(DiskUsage.Container c, boolean trunc) {
        List<String> names = new ArrayList<>();
        for (String n : c.names()) {
            String name = n.startsWith("/") ? n.substring(1) : n;
            if (trunc) {
                if (name.indexOf('/') < 0) {
                    return name;
                }
                continue;
            }
            names.add(name);
        }
        return String.join(",", names);
    }

    private static String labels(Map<String, String> labels) {
        if (labels == null) {
            return "";
        }
        List<String> pairs = new ArrayList<>();
        new TreeMap<>(labels).forEach((k, v) -> pairs.add(k + "=" + v));
        return String.join(",", pairs);
    }

    private static String links(DiskUsage.Volume v) {
        return v.usageData() == null ? "N/A" : Long.toString(v.usageData().refCount());
    }

    private static String volumeSize(DiskUsage.Volume v) {
        return v.usageData() == null ? "N/A" : DockerUnits.decimal4(v.usageData().size());
    }

    private static String cacheId(DiskUsage.BuildCache b, boolean trunc) {
        String id = trunc ? GoText.truncateId(b.id()) : b.id();
        return b.inUse() ? id + "*" : id;
    }

    private String ago(long unixSeconds) {
        return GoText.ago(Instant.ofEpochSecond(unixSeconds), now);
    }

    private String sinceRfc3339(String time) {
        Instant t = rfc3339(time);
        return t == null ? "" : GoText.ago(t, now);
    }

    private String goTimeRfc3339(String time) {
        Instant t = rfc3339(time);
        return t == null ? "" : GoText.goTime(t, zone);
    }

    private static Instant rfc3339(String time) {
        try {
            return time == null ? null : java.time.OffsetDateTime.parse(time).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /**
     * A JSON object with keys sorted (as Go marshals a map), plus {@code extraKey} when given (a
     * null {@code extraValue} is JSON null, as docker's nil Platform).
     */
    private static String object(Map<String, String> fields, String extraKey, String extraValue) {
        Map<String, String> sorted = new TreeMap<>(fields);
        if (extraKey != null) {
            sorted.put(extraKey, extraValue);
        }
        StringBuilder out = new StringBuilder("{");
        sorted.forEach((k, v) -> out.append(out.length() > 1 ? "," : "").append(GoJson.quote(k)).append(':')
                .append(v == null ? "null" : GoJson.quote(v)));
        return out.append('}').toString();
    }

    private static <T> void join(StringBuilder out, List<T> items, Function<T, String> json) {
        for (int i = 0; i < items.size(); i++) {
            out.append(i > 0 ? "," : "").append(json.apply(items.get(i)));
        }
    }
}

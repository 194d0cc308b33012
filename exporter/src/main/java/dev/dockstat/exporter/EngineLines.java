package dev.dockstat.exporter;

import dev.dockstat.core.model.ContainerSummary;
import dev.dockstat.core.model.StatsSample;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One engine round's sample lines, per container family and format, rendered once and kept with
 * the round: a scrape only concatenates what the engines' rounds left (at 5 000 containers,
 * building the whole exposition from the client library's snapshot objects at every scrape made
 * some 45 000 data points and an 11 MB buffer each time, and the collections that followed
 * stalled scrapes for seconds). Rendered on the round's thread for the formats scrapes have asked
 * for ({@link ScrapeDemand}), else at the first scrape that needs them; the deflated form likewise.
 *
 * <p>Samples carry the engine's reading time as their timestamp, so a rate spans exactly the
 * engine's interval, not the scrape's. A label with an empty value is left out (Prometheus treats
 * both alike, and the compose labels are empty on most containers).
 */
final class EngineLines {

    private static final int FAMILIES = ContainerFamily.ALL.size();

    private final String environment;
    private final List<EngineSnapshot.Container> containers;
    private String[] labels; // per container, shared by every family and both formats
    private final byte[][][] plain = new byte[ExpositionFormat.values().length][][];
    private final byte[][][] deflated = new byte[ExpositionFormat.values().length][][];

    EngineLines(String environment, List<EngineSnapshot.Container> containers) {
        this.environment = environment;
        this.containers = containers;
    }

    boolean isEmpty() {
        return containers.isEmpty();
    }

    /** The lines of one family, in one format. */
    synchronized byte[] plain(ExpositionFormat format, int family) {
        byte[][] rendered = plain[format.ordinal()];
        if (rendered == null) {
            rendered = render(format);
            plain[format.ordinal()] = rendered;
        }
        return rendered[family];
    }

    /** The same lines as raw deflate blocks ending on a byte boundary, for {@link GzipBody}. */
    synchronized byte[] deflated(ExpositionFormat format, int family) {
        byte[][] compressed = deflated[format.ordinal()];
        if (compressed == null) {
            compressed = new byte[FAMILIES][];
            for (int f = 0; f < FAMILIES; f++) {
                compressed[f] = GzipBody.deflate(plain(format, f));
            }
            deflated[format.ordinal()] = compressed;
        }
        return compressed[family];
    }

    /** Renders ahead what scrapes have asked for so far, so that they find it ready. */
    void prepare(ScrapeDemand demand) {
        if (containers.isEmpty()) {
            return;
        }
        for (ExpositionFormat format : ExpositionFormat.values()) {
            if (demand.wants(format)) {
                plain(format, 0);
                if (demand.wantsGzip()) {
                    deflated(format, 0);
                }
            }
        }
    }

    private byte[][] render(ExpositionFormat format) {
        if (labels == null) {
            labels = new String[containers.size()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = labels(environment, containers.get(i).summary());
            }
        }
        byte[][] out = new byte[FAMILIES][];
        StringBuilder lines = new StringBuilder(containers.size() * 200);
        for (int f = 0; f < FAMILIES; f++) {
            ContainerFamily family = ContainerFamily.ALL.get(f);
            String name = family.sampleName();
            lines.setLength(0);
            for (int i = 0; i < labels.length; i++) {
                EngineSnapshot.Container c = containers.get(i);
                lines.append(name).append(labels[i]).append(' ');
                appendValue(lines, family.value().applyAsDouble(c.stats()));
                lines.append(' ');
                format.appendTimestamp(lines, readMillis(c.stats().sample()));
                lines.append('\n');
            }
            out[f] = lines.toString().getBytes(StandardCharsets.UTF_8);
        }
        return out;
    }

    /** The label set, names in sorted order (as the client library wrote them), empty values left out. */
    static String labels(String environment, ContainerSummary c) {
        StringBuilder b = new StringBuilder(160).append('{');
        label(b, "container_label_com_docker_compose_project", c.labels().getOrDefault("com.docker.compose.project", ""));
        label(b, "container_label_com_docker_compose_service", c.labels().getOrDefault("com.docker.compose.service", ""));
        label(b, "environment", environment);
        label(b, "id", c.shortId());
        label(b, "image", c.image());
        label(b, "name", c.name());
        return b.append('}').toString();
    }

    private static void label(StringBuilder b, String name, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        if (b.length() > 1) {
            b.append(',');
        }
        b.append(name).append("=\"");
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                case '\n' -> b.append("\\n");
                default -> b.append(ch);
            }
        }
        b.append('"');
    }

    /** As the client library writes a double (both formats): Java's shortest form, and Prometheus' names for the rest. */
    private static void appendValue(StringBuilder b, double v) {
        if (v == Double.POSITIVE_INFINITY) {
            b.append("+Inf");
        } else if (v == Double.NEGATIVE_INFINITY) {
            b.append("-Inf");
        } else if (Double.isNaN(v)) {
            b.append("NaN");
        } else {
            b.append(v);
        }
    }

    private static long readMillis(StatsSample s) {
        return s.readNanos() > 0 ? s.readNanos() / 1_000_000L : System.currentTimeMillis();
    }
}

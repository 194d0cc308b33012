package dev.dockstat.core.api;

import static dev.dockstat.core.api.JsonStream.number;
import static dev.dockstat.core.api.JsonStream.object;
import static dev.dockstat.core.api.JsonStream.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.dockstat.core.model.StatsSample;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;

/**
 * Reads the engine's stats body into a {@link StatsSample} in one streaming pass.
 *
 * <p>Why streaming, not data binding: a resident worker reads one body per container per round
 * (60 a round at 60 containers). Binding built a map of the ~40 cgroup memory counters, a list of
 * per-CPU counters and a record tree per body, and parsed two timestamps with a
 * {@code DateTimeFormatter}; the pass below keeps only the counters dockstat computes from and
 * skips the rest unread.
 */
final class StatsJson {

    private long readNanos;
    private long prereadNanos;
    private String id;
    private String name;
    private final Cpu cpu = new Cpu();
    private final Cpu precpu = new Cpu();
    private long memUsage;
    private long memLimit;
    private long inactiveFile = StatsSample.ABSENT;
    private long totalInactiveFile = StatsSample.ABSENT;
    private long netRx;
    private long netTx;
    private long blkRead;
    private long blkWrite;
    private long pids;

    private static final class Cpu {
        long total;
        long system;
        int online;
        int perCpu;
    }

    private StatsJson() {}

    static StatsSample read(InputStream body) throws IOException {
        return read(body, EngineFlavour.DOCKERD);
    }

    /** Reads one body and brings it to dockerd's meaning for {@code flavour}. */
    static StatsSample read(InputStream body, EngineFlavour flavour) throws IOException {
        try (JsonParser p = JsonStream.FACTORY.createParser(body)) {
            StatsJson s = parse(p);
            return flavour.stats(s.toSample(), s.prereadNanos);
        }
    }

    static StatsSample read(JsonParser p) throws IOException {
        return parse(p).toSample();
    }

    private static StatsJson parse(JsonParser p) throws IOException {
        StatsJson s = new StatsJson();
        object(p, JsonStream.startObject(p), (field, value) -> {
            switch (field) {
                case "id" -> s.id = text(p, value);
                case "name" -> s.name = text(p, value);
                case "read" -> s.readNanos = Rfc3339.nanos(text(p, value));
                case "preread" -> s.prereadNanos = Rfc3339.nanos(text(p, value));
                case "cpu_stats" -> cpu(p, value, s.cpu);
                case "precpu_stats" -> cpu(p, value, s.precpu);
                case "memory_stats" -> s.memory(p, value);
                case "networks" -> object(p, value, (nic, counters) -> s.network(p, counters));
                case "blkio_stats" -> object(p, value, (f, v) -> s.blkio(p, f, v));
                case "pids_stats" -> object(p, value, (f, v) -> s.pids = f.equals("current") ? number(p, v) : skip(p, s.pids));
                // dockerd writes "id", Podman's compatible service "Id"
                case "Id" -> s.id = s.id == null ? text(p, value) : skip(p, s.id);
                default -> p.skipChildren();
            }
        });
        return s;
    }

    private StatsSample toSample() {
        boolean hasPrecpu = prereadNanos > 0 && precpu.system > 0; // one-shot: zero preread, empty precpu
        return new StatsSample(id, name, readNanos,
                cpu.total, cpu.system, cpu.online > 0 ? cpu.online : cpu.perCpu,
                hasPrecpu ? precpu.total : StatsSample.ABSENT,
                hasPrecpu ? precpu.system : StatsSample.ABSENT,
                memUsage, memLimit, inactiveFile, totalInactiveFile,
                netRx, netTx, blkRead, blkWrite, pids);
    }

    private static void cpu(JsonParser p, JsonToken value, Cpu into) throws IOException {
        object(p, value, (field, v) -> {
            switch (field) {
                case "cpu_usage" -> object(p, v, (f, u) -> {
                    if (f.equals("total_usage")) {
                        into.total = number(p, u);
                    } else if (f.equals("percpu_usage") && u == JsonToken.START_ARRAY) {
                        into.perCpu = countElements(p);
                    } else {
                        p.skipChildren();
                    }
                });
                case "system_cpu_usage" -> into.system = number(p, v);
                case "online_cpus" -> into.online = (int) number(p, v);
                default -> p.skipChildren();
            }
        });
    }

    private static int countElements(JsonParser p) throws IOException {
        int n = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            p.skipChildren();
            n++;
        }
        return n;
    }

    private void memory(JsonParser p, JsonToken value) throws IOException {
        object(p, value, (field, v) -> {
            switch (field) {
                case "usage" -> memUsage = number(p, v);
                case "limit" -> memLimit = number(p, v);
                case "stats" -> object(p, v, (f, n) -> {
                    switch (f) {
                        case "inactive_file" -> inactiveFile = number(p, n);
                        case "total_inactive_file" -> totalInactiveFile = number(p, n);
                        default -> p.skipChildren();
                    }
                });
                default -> p.skipChildren();
            }
        });
    }

    private void network(JsonParser p, JsonToken counters) throws IOException {
        object(p, counters, (field, v) -> {
            switch (field) {
                case "rx_bytes" -> netRx += number(p, v);
                case "tx_bytes" -> netTx += number(p, v);
                default -> p.skipChildren();
            }
        });
    }

    /** As docker stats: entries whose op starts with r/R are reads, w/W writes (v2 is lower case). */
    private void blkio(JsonParser p, String field, JsonToken value) throws IOException {
        if (!field.equals("io_service_bytes_recursive") || value != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String[] op = {null};
            long[] bytes = {0};
            object(p, JsonToken.START_OBJECT, (f, v) -> {
                switch (f) {
                    case "op" -> op[0] = text(p, v);
                    case "value" -> bytes[0] = number(p, v);
                    default -> p.skipChildren();
                }
            });
            if (op[0] != null && !op[0].isEmpty()) {
                switch (op[0].charAt(0)) {
                    case 'r', 'R' -> blkRead += bytes[0];
                    case 'w', 'W' -> blkWrite += bytes[0];
                    default -> { }
                }
            }
        }
    }

    private static long skip(JsonParser p, long keep) throws IOException {
        p.skipChildren();
        return keep;
    }

    private static String skip(JsonParser p, String keep) throws IOException {
        p.skipChildren();
        return keep;
    }

    /** RFC 3339 timestamps as the engine writes them ({@code 2026-11-23T11:11:31.532297765Z}), without a formatter. */
    static final class Rfc3339 {
        private Rfc3339() {}

        /** Unix nanoseconds; the zero time {@code 0001-01-01T00:00:00Z}, null and anything unreadable give 0. */
        static long nanos(String s) {
            if (s == null || s.length() < 20 || s.startsWith("0001-")) {
                return 0;
            }
            try {
                int year = digits(s, 0, 4);
                int month = digits(s, 5, 2);
                int day = digits(s, 8, 2);
                int hour = digits(s, 11, 2);
                int minute = digits(s, 14, 2);
                int second = digits(s, 17, 2);
                if (s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':') {
                    return 0;
                }
                int i = 19;
                long fraction = 0;
                int scale = 0;
                if (i < s.length() && s.charAt(i) == '.') {
                    i++;
                    while (i < s.length() && Character.isDigit(s.charAt(i))) {
                        if (scale < 9) {
                            fraction = fraction * 10 + (s.charAt(i) - '0');
                            scale++;
                        }
                        i++;
                    }
                }
                for (; scale < 9; scale++) {
                    fraction *= 10;
                }
                long offsetSeconds = 0;
                char zone = i < s.length() ? s.charAt(i) : '?';
                if (zone == '+' || zone == '-') {
                    int sign = zone == '+' ? 1 : -1;
                    offsetSeconds = sign * (digits(s, i + 1, 2) * 3600L + digits(s, i + 4, 2) * 60L);
                } else if (zone != 'Z' && zone != 'z') {
                    return 0;
                }
                long epochDay = LocalDate.of(year, month, day).toEpochDay();
                long seconds = epochDay * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds;
                return seconds * 1_000_000_000L + fraction;
            } catch (RuntimeException unreadable) {
                return 0;
            }
        }

        private static int digits(String s, int from, int count) {
            int v = 0;
            for (int i = from; i < from + count; i++) {
                char c = s.charAt(i);
                if (c < '0' || c > '9') {
                    throw new NumberFormatException(s);
                }
                v = v * 10 + (c - '0');
            }
            return v;
        }
    }
}

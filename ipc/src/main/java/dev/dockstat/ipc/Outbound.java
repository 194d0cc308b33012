package dev.dockstat.ipc;

import dev.dockstat.core.history.HistoryBatch;
import dev.dockstat.core.stats.HostMetrics;
import java.nio.charset.StandardCharsets;

/**
 * A message to the parent (stdout), one per line. Field names, order and omission rules are the
 * Go worker's {@code OutMessage} with {@code omitempty}: an absent or zero field is left out
 * ({@code envId} 0 too), except where Go holds the value behind a pointer ({@code online} and the
 * metrics figures are always written, zeros included).
 */
public sealed interface Outbound {

    /** The whole line, {@code \n} included. */
    byte[] encode();

    /** {@code {"type":"ready"}}: the first line, once commands are read. */
    record Ready() implements Outbound {
        private static final byte[] LINE = "{\"type\":\"ready\"}\n".getBytes(StandardCharsets.US_ASCII);

        @Override
        public byte[] encode() {
            return LINE.clone();
        }
    }

    /** The engine's status; {@code error} only when offline. */
    record EnvStatus(long envId, boolean online, String error) implements Outbound {
        @Override
        public byte[] encode() {
            JsonLine line = start("env_status", envId).field("online", online);
            if (error != null && !error.isEmpty()) {
                line.field("error", error);
            }
            return line.close();
        }
    }

    /** The host's figures of one metrics round. */
    record Metrics(long envId, HostMetrics host) implements Outbound {
        @Override
        public byte[] encode() {
            return start("metrics", envId)
                    .field("cpu", host.cpuPercent())
                    .field("memPercent", host.memPercent())
                    .field("memUsed", host.memUsed())
                    .field("memTotal", host.memTotal())
                    .field("cpuCount", host.cpuCount())
                    .close();
        }
    }

    /** An engine event exactly as the engine sent it. */
    record ContainerEvent(long envId, RawJson event) implements Outbound {
        @Override
        public byte[] encode() {
            return start("container_event", envId, event.length()).raw("event", event).close();
        }
    }

    /**
     * A disk check: {@code /system/df} and {@code /info} exactly as the engine sent them.
     *
     * @param info null when {@code /info} failed (then omitted, as Go omits an empty RawMessage)
     */
    record DiskUsage(long envId, RawJson data, RawJson info) implements Outbound {
        @Override
        public byte[] encode() {
            JsonLine line = start("disk_usage", envId, data.length() + (info == null ? 0 : info.length()))
                    .raw("data", data);
            if (info != null) {
                line.raw("info", info);
            }
            return line.close();
        }
    }

    /** A failure the parent logs, e.g. {@code configure: ...} or {@code list containers: ...}. */
    record Error(long envId, String error) implements Outbound {
        @Override
        public byte[] encode() {
            JsonLine line = start("error", envId);
            if (error != null && !error.isEmpty()) {
                line.field("error", error);
            }
            return line.close();
        }
    }

    /**
     * The reply to a {@code container_metrics} request (the history extension, not part of the Go
     * worker): {@code metrics}, {@code from} and {@code isRunning} are always written; {@code gap}
     * only when points were lost. {@code timestamp} is unix milliseconds.
     *
     * @param container the container's full ID, or the name asked for when it is unknown
     * @param points read when encoding: encode before the batch is reused
     */
    record ContainerMetrics(long envId, String container, HistoryBatch points, boolean running) implements Outbound {
        @Override
        public byte[] encode() {
            JsonLine line = start("container_metrics", envId, 48 * points.size()).field("container", container);
            line.array("metrics");
            for (int i = 0; i < points.size(); i++) {
                line.element().field("cpu", points.cpu(i)).field("mem", points.mem(i))
                        .field("timestamp", points.time(i)).endElement();
            }
            line.endArray().field("from", points.next()).field("isRunning", running);
            if (points.gap()) {
                line.field("gap", true);
            }
            return line.close();
        }
    }

    private static JsonLine start(String type, long envId) {
        return start(type, envId, 0);
    }

    private static JsonLine start(String type, long envId, int payloadHint) {
        JsonLine line = new JsonLine(96 + payloadHint).open().field("type", type);
        if (envId != 0) {
            line.field("envId", envId);
        }
        return line;
    }
}

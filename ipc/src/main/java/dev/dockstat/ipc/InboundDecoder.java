package dev.dockstat.ipc;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.dockstat.core.api.Json;
import dev.dockstat.core.spi.Secret;
import java.io.IOException;

/**
 * Turns a stdin line into an {@link Inbound}, with Go's {@code json.Unmarshal} strictness: every
 * known field must have its type ({@code "envId":"3"} or {@code "envId":1.5} is rejected, as Go
 * rejects them), whatever the message type; unknown fields are ignored; {@code null} reads as
 * absent. A rejected line gets a {@link WireException} whose message never quotes the line (a
 * {@code configure} carries tokens and keys).
 */
public final class InboundDecoder {

    private static final ObjectReader READER = Json.MAPPER.reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** A line that is not a message: the reason, fit for stderr. */
    public static final class WireException extends Exception {
        WireException(String message) {
            super(message);
        }
    }

    private InboundDecoder() {}

    public static Inbound decode(byte[] line, int length) throws WireException {
        JsonNode root;
        try {
            root = READER.readTree(line, 0, length);
        } catch (JsonEOFException e) {
            throw new WireException("JSON ends early");
        } catch (JacksonException e) {
            throw new WireException("malformed JSON" + at(e.getLocation()));
        } catch (IOException e) {
            throw new WireException("unreadable line");
        }
        if (root == null || root.isNull()) {
            return new Inbound.Unknown(null); // Go: `null` unmarshals to an empty message
        }
        if (!root.isObject()) {
            throw new WireException("expected a JSON object, got " + kind(root));
        }
        return decode(root);
    }

    private static String at(JsonLocation location) {
        return location == null || location.getColumnNr() < 1 ? "" : " at column " + location.getColumnNr();
    }

    private static Inbound decode(JsonNode m) throws WireException {
        // Go checks the type of every field it knows before looking at "type"
        String type = string(m, "type");
        long envId = integer(m, "envId");
        String name = string(m, "name");
        EnvConfig config = config(m.get("config"));
        String connectionType = string(m, "connectionType");
        String token = string(m, "hawserToken");
        long intervalMs = integer(m, "intervalMs");
        String mode = string(m, "mode");
        long pollIntervalMs = integer(m, "pollIntervalMs");
        String container = string(m, "container");
        long from = integer(m, "from");
        if (type == null) {
            return new Inbound.Unknown(null);
        }
        return switch (type) {
            case "configure" -> new Inbound.Configure(envId, name, connectionType, secret(token, envId, "hawserToken"), config);
            case "remove" -> new Inbound.Remove(envId);
            case "set_metrics_interval" -> new Inbound.SetMetricsInterval(intervalMs);
            case "set_event_mode" -> new Inbound.SetEventMode(mode, pollIntervalMs);
            case "shutdown" -> new Inbound.Shutdown();
            case "container_metrics" -> new Inbound.ContainerMetrics(envId, container, from);
            default -> new Inbound.Unknown(type);
        };
    }

    private static EnvConfig config(JsonNode c) throws WireException {
        if (c == null || c.isNull()) {
            return null;
        }
        if (!c.isObject()) {
            throw new WireException("config: expected an object, got " + kind(c));
        }
        return new EnvConfig(string(c, "type"), string(c, "socketPath"), string(c, "host"), integer(c, "port"),
                string(c, "ca"), string(c, "cert"), secret(string(c, "key"), 0, "key"), bool(c, "skipVerify"));
    }

    private static Secret secret(String value, long envId, String field) {
        return value == null || value.isEmpty() ? null : Secret.of(value, "configure envId " + envId + " " + field);
    }

    private static String string(JsonNode obj, String field) throws WireException {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new WireException(field + ": expected a string, got " + kind(v));
        }
        return v.textValue();
    }

    private static long integer(JsonNode obj, String field) throws WireException {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) {
            return 0;
        }
        if (v.isIntegralNumber() && !v.canConvertToLong()) {
            throw new WireException(field + ": integer out of range");
        }
        if (!v.isIntegralNumber()) {
            throw new WireException(field + ": expected an integer, got " + (v.isNumber() ? "a fraction" : kind(v)));
        }
        return v.longValue();
    }

    private static boolean bool(JsonNode obj, String field) throws WireException {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw new WireException(field + ": expected true or false, got " + kind(v));
        }
        return v.booleanValue();
    }

    private static String kind(JsonNode v) {
        return switch (v.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}

package dev.dockstat.ipc;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import dev.dockstat.core.spi.Secret;
import java.io.IOException;
import java.util.Locale;

/**
 * Turns a stdin line into an {@link Inbound}, with Go's {@code json.Unmarshal} strictness: every
 * known member must have its type ({@code "envId":"3"} or {@code "envId":1.5} is rejected, as Go
 * rejects them), whatever the message type; unknown fields are ignored; {@code null} reads as
 * absent. A rejected line gets a {@link WireException} whose message never quotes the line (a
 * {@code configure} carries tokens and keys).
 */
public final class InboundDecoder {

    /** A line that is not a message: the reason, fit for stderr. */
    public static final class WireException extends Exception {
        WireException(String message) {
            super(message);
        }
    }

    /**
     * The longest string member read (a name, a token, a PEM bundle are far shorter). A 10 MiB line
     * is accepted, but one string of that size would need several times its size in heap to
     * decode, more than the worker's 32 MB heap: the parser refuses it once it passes this length.
     */
    static final int MAX_STRING = 1024 * 1024;
    /** Messages are three levels deep; deeper nesting is refused before it costs anything. */
    static final int MAX_DEPTH = 32;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_STRING).maxNestingDepth(MAX_DEPTH).build())
            .build();

    private InboundDecoder() {}

    /** The members a message may have, read as Go's InMessage (plus the history extension's). */
    private static final class Fields {
        String type;
        long envId;
        String name;
        EnvConfig config;
        String connectionType;
        String hawserToken;
        String statsSource;
        long intervalMs;
        String mode;
        long pollIntervalMs;
        String container;
        long from;
    }

    public static Inbound decode(byte[] line, int length) throws WireException {
        try (JsonParser p = FACTORY.createParser(line, 0, length)) {
            JsonToken root = p.nextToken();
            if (root == null) {
                throw new WireException("JSON ends early");
            }
            if (root == JsonToken.VALUE_NULL) {
                end(p);
                return new Inbound.Unknown(null); // Go: `null` unmarshals to an empty message
            }
            if (root != JsonToken.START_OBJECT) {
                throw new WireException("expected a JSON object, got " + kind(root));
            }
            // Go checks the type of every member it knows, whatever the message type
            Fields f = new Fields();
            members(p, (name, v) -> {
                switch (name) {
                    case "type" -> f.type = string(p, v, name);
                    case "envId" -> f.envId = integer(p, v, name);
                    case "name" -> f.name = string(p, v, name);
                    case "config" -> f.config = config(p, v);
                    case "connectionType" -> f.connectionType = string(p, v, name);
                    case "hawserToken" -> f.hawserToken = string(p, v, name);
                    case "statsSource" -> f.statsSource = string(p, v, name);
                    case "intervalMs" -> f.intervalMs = integer(p, v, name);
                    case "mode" -> f.mode = string(p, v, name);
                    case "pollIntervalMs" -> f.pollIntervalMs = integer(p, v, name);
                    case "container" -> f.container = string(p, v, name);
                    case "from" -> f.from = integer(p, v, name);
                    default -> p.skipChildren();
                }
            });
            end(p);
            return message(f);
        } catch (JsonEOFException e) {
            throw new WireException("JSON ends early");
        } catch (StreamConstraintsException e) {
            throw new WireException(tooLarge(e));
        } catch (JacksonException e) {
            throw new WireException("malformed JSON" + at(e.getLocation()));
        } catch (IOException e) {
            throw new WireException("unreadable line");
        }
    }

    private static Inbound message(Fields f) {
        if (f.type == null) {
            return new Inbound.Unknown(null);
        }
        return switch (f.type) {
            case "configure" -> new Inbound.Configure(f.envId, f.name, f.connectionType, secret(f.hawserToken, f.envId, "hawserToken"), f.config,
                    f.statsSource);
            case "remove" -> new Inbound.Remove(f.envId);
            case "set_metrics_interval" -> new Inbound.SetMetricsInterval(f.intervalMs);
            case "set_event_mode" -> new Inbound.SetEventMode(f.mode, f.pollIntervalMs);
            case "shutdown" -> new Inbound.Shutdown();
            case "container_metrics" -> new Inbound.ContainerMetrics(f.envId, f.container, f.from);
            default -> new Inbound.Unknown(f.type);
        };
    }

    /** Nothing may follow the message on its line. */
    private static void end(JsonParser p) throws IOException, WireException {
        if (p.nextToken() != null) {
            throw new WireException("malformed JSON" + at(p.currentTokenLocation()));
        }
    }

    @FunctionalInterface
    private interface Member {
        void read(String name, JsonToken value) throws IOException, WireException;
    }

    private static void members(JsonParser p, Member member) throws IOException, WireException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            member.read(name, p.nextToken());
        }
    }

    private static EnvConfig config(JsonParser p, JsonToken v) throws IOException, WireException {
        if (v == JsonToken.VALUE_NULL) {
            return null;
        }
        if (v != JsonToken.START_OBJECT) {
            throw new WireException("config: expected an object, got " + kind(v));
        }
        String[] text = new String[6]; // type, socketPath, host, ca, cert, key
        long[] port = {0};
        boolean[] skipVerify = {false};
        members(p, (name, fv) -> {
            switch (name) {
                case "type" -> text[0] = string(p, fv, name);
                case "socketPath" -> text[1] = string(p, fv, name);
                case "host" -> text[2] = string(p, fv, name);
                case "port" -> port[0] = integer(p, fv, name);
                case "ca" -> text[3] = string(p, fv, name);
                case "cert" -> text[4] = string(p, fv, name);
                case "key" -> text[5] = string(p, fv, name);
                case "skipVerify" -> skipVerify[0] = bool(fv, name);
                default -> p.skipChildren();
            }
        });
        return new EnvConfig(text[0], text[1], text[2], port[0], text[3], text[4], secret(text[5], 0, "key"), skipVerify[0]);
    }

    private static Secret secret(String value, long envId, String field) {
        return value == null || value.isEmpty() ? null : Secret.of(value, "configure envId " + envId + " " + field);
    }

    private static String string(JsonParser p, JsonToken v, String field) throws IOException, WireException {
        if (v == JsonToken.VALUE_NULL) {
            return null;
        }
        if (v != JsonToken.VALUE_STRING) {
            throw new WireException(field + ": expected a string, got " + kind(v));
        }
        return p.getText();
    }

    private static long integer(JsonParser p, JsonToken v, String field) throws IOException, WireException {
        if (v == JsonToken.VALUE_NULL) {
            return 0;
        }
        if (v == JsonToken.VALUE_NUMBER_FLOAT) {
            throw new WireException(field + ": expected an integer, got a fraction");
        }
        if (v != JsonToken.VALUE_NUMBER_INT) {
            throw new WireException(field + ": expected an integer, got " + kind(v));
        }
        if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw new WireException(field + ": integer out of range");
        }
        return p.getLongValue();
    }

    private static boolean bool(JsonToken v, String field) throws WireException {
        return switch (v) {
            case VALUE_NULL, VALUE_FALSE -> false;
            case VALUE_TRUE -> true;
            default -> throw new WireException(field + ": expected true or false, got " + kind(v));
        };
    }

    private static String tooLarge(StreamConstraintsException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("String value length")) {
            return "a string longer than " + MAX_STRING + " characters";
        }
        if (m.contains("nesting depth")) {
            return "nested deeper than " + MAX_DEPTH + " levels";
        }
        if (m.contains("Number value length")) {
            return "a number with too many digits";
        }
        return "a value too large to read";
    }

    private static String at(JsonLocation location) {
        return location == null || location.getColumnNr() < 1 ? "" : " at column " + location.getColumnNr();
    }

    private static String kind(JsonToken v) {
        return switch (v) {
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            default -> v.name().toLowerCase(Locale.ROOT);
        };
    }
}
